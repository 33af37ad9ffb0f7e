package io.obconsole.progress;

import io.obconsole.audit.AuditTrail.JobRef;
import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ProgressRound;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One cluster's view across rounds: the tracks of its running jobs, the ended jobs still shown,
 * and the history watermark. Turns a {@link ProgressRound} into the cluster's current jobs; used
 * by one worker thread at a time.
 */
final class ClusterWatch {

    /** Ended rows are re-read this far behind the last round's clock, in case the history lags the end. */
    private static final Duration HISTORY_OVERLAP = Duration.ofSeconds(60);

    private final String cluster;
    private final ProgressConfig config;
    private final Map<String, JobTrack> tracks = new HashMap<>();
    private final Map<String, JobProgress> ended = new LinkedHashMap<>();
    private LocalDateTime watermark;

    ClusterWatch(String cluster, ProgressConfig config) {
        this.cluster = cluster;
        this.config = config;
    }

    String cluster() {
        return cluster;
    }

    LocalDateTime watermark() {
        return watermark;
    }

    /**
     * Applies a round; {@code newlyEnded} hears every ended job this watch had not shown before
     * (it may hear a job again after a restart: the audit trail keeps its record exactly once).
     */
    Map<String, JobProgress> apply(ProgressRound round, Consumer<JobProgress> newlyEnded) {
        LocalDateTime now = round.clusterNow() != null ? round.clusterNow() : LocalDateTime.now();
        Map<String, JobProgress> jobs = new LinkedHashMap<>();
        for (BackupJob job : round.running()) {
            JobTrack track = tracks.computeIfAbsent(identity(job), k -> new JobTrack(config.stallAfter(), config.rateWindow()));
            JobProgress progress = track.observe(cluster, job, retries(round, job), now);
            jobs.put(progress.key(), progress);
        }
        LocalDateTime newestEnd = null;
        for (BackupJob job : round.ended()) {
            String key = identity(job);
            newestEnd = job.end() != null && (newestEnd == null || job.end().isAfter(newestEnd)) ? job.end() : newestEnd;
            if (ended.containsKey(key)) {
                continue;
            }
            JobTrack track = tracks.remove(key);
            JobProgress progress = (track != null ? track : new JobTrack(config.stallAfter(), config.rateWindow()))
                    .observe(cluster, job, retries(round, job), now);
            ended.put(key, progress);
            newlyEnded.accept(progress);
        }
        tracks.keySet().retainAll(round.running().stream().map(this::identity).toList());
        forgetOldEnded(now);
        ended.values().forEach(progress -> jobs.putIfAbsent(progress.key(), progress));
        advanceWatermark(now, newestEnd, round.ended().size());
        return jobs;
    }

    /** Keys the watch's own memory: a job that reuses an ended job's id (a cluster started over) is another job. */
    private String identity(BackupJob job) {
        return new JobRef(cluster, job.tenantId(), job.tenantName(), job.incarnation(), job.jobId(), job.start()).key();
    }

    private Integer retries(ProgressRound round, BackupJob job) {
        return round.retries().get(ProgressRound.jobId(job.tenantId(), job.jobId()));
    }

    /** A full page of history means more may wait: continue from its newest end rather than from the clock. */
    private void advanceWatermark(LocalDateTime now, LocalDateTime newestEnd, int endedRows) {
        if (endedRows >= config.endedLimit() && newestEnd != null) {
            watermark = newestEnd;
        } else {
            watermark = now.minus(HISTORY_OVERLAP);
        }
    }

    private void forgetOldEnded(LocalDateTime now) {
        LocalDateTime horizon = now.minus(config.endedRetention());
        ended.values().removeIf(job -> job.endedAt() != null && LocalDateTime.parse(job.endedAt()).isBefore(horizon));
        while (ended.size() > config.endedLimit()) {
            ended.remove(ended.keySet().iterator().next());
        }
    }
}
