package io.obconsole.progress;

import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetRestore;

/**
 * One job as the socket sends it: identity, state, and the fleet's progress (never computed
 * again here). {@code percent} is null before any counter exists; {@code rate} is output bytes
 * per second; times are cluster time (ISO-8601, no zone), as OceanBase reports them.
 *
 * @param key     the job's {@link io.obconsole.fleet.JobKey} text, the pages' {@code data-job-key}
 * @param running    whether it still runs (the fleet's {@link io.obconsole.fleet.JobStatus} rule)
 * @param kind       {@code BACKUP} or {@code RESTORE}; for a restore {@code tenant} is the new tenant,
 *                   {@code percent} its data and {@code logPercent} its log replay, {@code rate} tablets per second
 */
public record JobProgress(String key, String cluster, String tenant, long tenantId, long incarnation, long jobId,
        String type, String status, boolean running, Double percent, long bytesDone, Long rate, Long etaSeconds,
        String phase, int retries, boolean stalled, Long result, String comment, String startedAt, String endedAt,
        Kind kind, Double logPercent) {

    /** Which of the two job kinds the socket carries. */
    public enum Kind { BACKUP, RESTORE }

    public static JobProgress of(FleetRestore restore) {
        var row = restore.row();
        return new JobProgress(restore.key(), restore.cluster(), row.tenantName(), row.tenantId(), 0, row.jobId(),
                "RESTORE", restore.status().name(), restore.running(), restore.dataPercent(), 0,
                restore.tabletsPerSecond() == null ? null : Math.round(restore.tabletsPerSecond()), restore.etaSeconds(),
                restore.status().phase(), 0, false, null, emptyToNull(row.comment()), text(row.start()), text(row.end()),
                Kind.RESTORE, restore.logPercent());
    }

    public static JobProgress of(FleetJob fleetJob) {
        var job = fleetJob.job();
        var progress = fleetJob.progress();
        return new JobProgress(fleetJob.key().text(), fleetJob.cluster(), job.tenantName(), job.tenantId(),
                job.incarnation(), job.jobId(), job.backupType(), fleetJob.status().name(), fleetJob.running(),
                progress.percent(), progress.bytesDone(), progress.rate(), progress.etaSeconds(), fleetJob.phase(),
                fleetJob.retries(), progress.stalled(), fleetJob.running() ? null : Long.valueOf(job.result()),
                emptyToNull(job.comment()), text(job.start()), text(job.end()), Kind.BACKUP, null);
    }

    private static String text(java.time.LocalDateTime time) {
        return time == null ? null : time.toString();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
