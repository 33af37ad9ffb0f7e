package io.obconsole.fleet;

import io.obconsole.cluster.BackupJob;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What names one backup job over time: OceanBase reuses job ids (a new incarnation, a rebuilt
 * tenant), so a job id alone is never a key. The start time is kept to the microsecond, as
 * START_TIMESTAMP gives it.
 */
public record JobKey(String cluster, long tenantId, long incarnation, long jobId, LocalDateTime start) {

    public JobKey {
        start = start == null ? null : start.truncatedTo(ChronoUnit.MICROS);
    }

    public static JobKey of(String cluster, BackupJob job) {
        return new JobKey(cluster, job.tenantId(), job.incarnation(), job.jobId(), job.start());
    }

    /** The start as microseconds since the epoch, read as UTC (cluster time has no zone; it only has to be stable). */
    public long startMicros() {
        return start == null ? 0 : start.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + start.getNano() / 1000;
    }

    /** {@code cluster/tenantId/incarnation/jobId/startMicros}: the pages' {@code data-job-key} and the socket's {@code key}. */
    public String text() {
        return cluster + "/" + tenantId + "/" + incarnation + "/" + jobId + "/" + startMicros();
    }

    @Override
    public String toString() {
        return text();
    }
}
