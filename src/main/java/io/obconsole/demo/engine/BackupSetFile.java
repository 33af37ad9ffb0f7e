package io.obconsole.demo.engine;

import java.time.Instant;

/** One row of CDB_OB_BACKUP_SET_FILES: what a restore could use. */
record BackupSetFile(long tenantId, long backupSetId, String backupType, long prevFullBackupSetId,
        long prevIncBackupSetId, Instant start, Instant end, String status, String fileStatus, boolean plusArchivelog,
        long startReplayScn, long minRestoreScn, long inputBytes, long outputBytes, long tabletCount,
        long finishTabletCount, long macroBlockCount, long finishMacroBlockCount, long fileCount, long result,
        String comment, String encryptionMode, String passwd, String path, String clusterVersion) {

    boolean usableFull() {
        return backupType.equals("FULL") && usable();
    }

    boolean usable() {
        return status.equals("SUCCESS") && fileStatus.equals("AVAILABLE");
    }
}
