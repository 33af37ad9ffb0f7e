package io.obconsole.cluster;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What one poll round read from a cluster: its clock, the running jobs with their tasks, the jobs
 * that ended since the round's watermark, and each running job's retry count where the cluster
 * shows one (key {@code tenantId/jobId}), and the restores running or recently ended (sys only; empty
 * inside a tenant, where no restore is run).
 */
public record ProgressRound(String cluster, LocalDateTime clusterNow, List<BackupJob> running, List<BackupJob> ended,
        Map<String, Integer> retries, List<RestoreRow> restores) {

    public ProgressRound(String cluster, LocalDateTime clusterNow, List<BackupJob> running, List<BackupJob> ended,
            Map<String, Integer> retries) {
        this(cluster, clusterNow, running, ended, retries, List.of());
    }

    public static String jobId(long tenantId, long jobId) {
        return tenantId + "/" + jobId;
    }
}
