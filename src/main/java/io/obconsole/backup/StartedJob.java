package io.obconsole.backup;

/** A job the action started, read back from the cluster right after it (ENCRYPTION_MODE shows whether the password took). */
public record StartedJob(String tenant, long tenantId, long jobId, String backupType, String status,
        String encryptionMode) {
}
