package io.obconsole.cluster;

import java.time.LocalDateTime;

/**
 * One row of a tenant's backup sets ({@code CDB_OB_BACKUP_SET_FILES}), successful or not: what a
 * restore could use, how long it took and how much it wrote. Times are cluster time.
 *
 * @param type                FULL or INC, as OceanBase writes it
 * @param prevFullBackupSetId the FULL set an INC builds on (0 for a FULL)
 * @param prevIncBackupSetId  the set just before an INC in its chain (0 for a FULL)
 * @param status              SUCCESS or FAILED
 * @param fileStatus          COPYING, AVAILABLE, DELETING, EXPIRED, INCOMPLETE, BROKEN or DELETED
 * @param elapsedSeconds      the view's ELAPSED_SECONDES
 * @param result              0 or the negative OceanBase code a failed set ended with
 */
public record BackupSetFile(long tenantId, long backupSetId, String type, long prevFullBackupSetId,
        long prevIncBackupSetId, LocalDateTime start, LocalDateTime end, String status, String fileStatus,
        long elapsedSeconds, boolean plusArchivelog, long inputBytes, long outputBytes, long result, String comment,
        String path) {

    public boolean incremental() {
        return "INC".equals(type) || "I".equals(type);
    }

    public boolean succeeded() {
        return "SUCCESS".equals(status);
    }

    /** Succeeded and still AVAILABLE: a restore may start from it. */
    public boolean usable() {
        return succeeded() && "AVAILABLE".equals(fileStatus);
    }
}
