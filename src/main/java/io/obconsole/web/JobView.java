package io.obconsole.web;

import io.obconsole.failure.FailureExplanations;
import io.obconsole.cluster.BackupJob;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.JobEnd;
import io.obconsole.fleet.JobFilter;
import io.obconsole.fleet.JobStatus;
import io.obconsole.fleet.Progress;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A backup job as the pages show it, from the fleet's job: its key for live updates, the fleet's
 * progress in words (never computed again here) and how long it ran.
 *
 * @param explanation a plain-language reading of a failed job's RESULT, or null
 */
public record JobView(FleetJob fleetJob, Duration duration, String explanation) {

    static JobView of(FleetJob job, LocalDateTime clusterNow, FailureExplanations explanations) {
        LocalDateTime until = job.job().end() != null ? job.job().end() : clusterNow;
        Duration duration = job.job().start() == null || until == null ? null : Duration.between(job.job().start(), until);
        JobEnd end = end(job);
        return new JobView(job, duration, end != null && end.failed() ? explanations.of(job.job().result()) : null);
    }

    public String cluster() {
        return fleetJob.cluster();
    }

    public BackupJob job() {
        return fleetJob.job();
    }

    /** The {@code data-job-key} of every element showing this job. */
    public String key() {
        return fleetJob.key().text();
    }

    public JobStatus status() {
        return fleetJob.status();
    }

    public Progress progress() {
        return fleetJob.progress();
    }

    public boolean running() {
        return fleetJob.running();
    }

    /** How the job ended (completed, failed, cancelled), or null while it runs. */
    public JobEnd end() {
        return end(fleetJob);
    }

    private static JobEnd end(FleetJob job) {
        return job.running() ? null : JobEnd.of(job.status().name(), job.job().result(), job.job().comment());
    }

    public boolean failed() {
        JobEnd end = end();
        return end != null && end.failed();
    }

    /** The percent for a {@code <progress>} bar: 0 while unknown. */
    public double percentValue() {
        Double percent = fleetJob.progress().percent();
        return percent == null ? 0 : percent;
    }

    /** The fleet's percent in words, as everywhere ({@link Progress#words}). */
    public String percentText() {
        return Progress.words(fleetJob.progress().percent());
    }

    /** Time to go in words, null while unknown (or the job is stalled or ended). */
    public String eta() {
        Long eta = fleetJob.progress().etaSeconds();
        return eta == null || !running() ? null : Formats.human(Duration.ofSeconds(eta));
    }

    /** Output bytes per second in words, null while unknown. */
    public String rate() {
        Long rate = fleetJob.progress().rate();
        return rate == null || !running() ? null : Formats.bytes(rate) + "/s";
    }

    /** The type in words: FULL or INCREMENTAL (OceanBase writes INC, some releases D/I). */
    public String type() {
        return JobFilter.typeWord(job().backupType());
    }

    /** The status to word: CANCELED for any cancellation (RESULT -4072), as {@link JobEnd} reads it; else OceanBase's. */
    public String statusWord() {
        JobEnd end = end();
        return end != null && end.cancelled() ? JobStatus.CANCELED.name() : fleetJob.status().name();
    }

    /** The status's CSS class; the word itself is always printed next to it. */
    public String statusCss() {
        return fleetJob.status().css();
    }
}
