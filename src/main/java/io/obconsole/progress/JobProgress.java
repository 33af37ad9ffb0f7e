package io.obconsole.progress;

import io.obconsole.audit.AuditTrail.JobRef;
import java.time.LocalDateTime;

/**
 * One job as a watcher sees it: identity, state, and the progress derived from OceanBase's
 * counters. {@code percent} is null before any counter exists; {@code rate} is output bytes per
 * second; times are cluster time (ISO-8601, no zone), as OceanBase reports them.
 */
public record JobProgress(String key, String cluster, String tenant, long tenantId, long jobId, long incarnation,
        String type,
        String status, Double percent, long bytesDone, Long rate, Long etaSeconds, String phase, int retries,
        boolean stalled, Long result, String comment, String startedAt, String endedAt) {

    public boolean running() {
        return "INIT".equals(status) || "DOING".equals(status) || "CANCELING".equals(status);
    }

    /**
     * The job as the audit trail keys it: with its incarnation and start, so a job that reuses an
     * old job's id (a recreated cluster, a new incarnation) is another job.
     */
    public JobRef ref() {
        return new JobRef(cluster, tenantId, tenant, incarnation, jobId,
                startedAt == null ? null : LocalDateTime.parse(startedAt));
    }

    /** {@code cluster/tenantId/jobId}: the same text the pages put in {@code data-job-key}. */
    public static String key(String cluster, long tenantId, long jobId) {
        return cluster + "/" + tenantId + "/" + jobId;
    }
}
