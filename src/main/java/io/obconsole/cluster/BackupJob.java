package io.obconsole.cluster;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A tenant's backup job, running or ended, as OceanBase reports it (times are cluster time).
 * {@code result} is 0 or a negative OceanBase code; failures surface only here. A job id repeats
 * after a cluster is recreated or in a new incarnation: tenant id, incarnation, id and start
 * together identify a job ({@code io.obconsole.fleet.JobKey}); whether it runs is
 * {@code io.obconsole.fleet.JobStatus}'s to say.
 */
public record BackupJob(long tenantId, String tenantName, long jobId, long incarnation, long backupSetId, long initiatorTenantId,
        long initiatorJobId, String backupType, boolean plusArchivelog, String encryptionMode, LocalDateTime start,
        LocalDateTime end, String status, long result, String comment, String description, List<BackupTask> tasks) {

    BackupJob withTasks(List<BackupTask> tasks) {
        return new BackupJob(tenantId, tenantName, jobId, incarnation, backupSetId, initiatorTenantId, initiatorJobId, backupType,
                plusArchivelog, encryptionMode, start, end, status, result, comment, description, tasks);
    }
}
