package io.obconsole.backup;

import java.time.LocalDateTime;

/**
 * A job the action started, read back from the cluster right after it (ENCRYPTION_MODE shows
 * whether the password took). Tenant id, incarnation, job id and start time identify it; the id
 * alone repeats when a cluster starts its numbering over.
 */
public record StartedJob(String tenant, long tenantId, long jobId, String backupType, String status,
        String encryptionMode, long incarnation, LocalDateTime startedAt) {
}
