package io.obconsole.cluster;

import java.time.LocalDateTime;

/**
 * One restore job as OceanBase shows it (ob-restore-spec 2.1-2.3): the sys row and the new
 * tenant's row of CDB_OB_RESTORE_PROGRESS merged by JOB_ID, or its rows in CDB_OB_RESTORE_HISTORY
 * once it ended. Progress columns are null where the cluster's version has none (before 4.2.1 BP7 / 4.2.3).
 *
 * @param tenantId        RESTORE_TENANT_ID, 0 before the new tenant exists
 * @param status          the tenant row's STATUS when it has one, else the sys row's (history: SUCCESS or FAIL)
 * @param restoreProgress RESTORE_PROGRESS (data), null where the view has no such column
 * @param recoverProgress RECOVER_PROGRESS (log replay)
 */
public record RestoreRow(long jobId, String tenantName, long tenantId, String backupTenantName, String backupDest,
        String status, boolean ended, LocalDateTime start, LocalDateTime end, Long restoreScn, String restoreScnDisplay,
        Double restoreProgress, Double recoverProgress, Long tabletCount, Long finishTabletCount, Long totalBytes,
        String comment, String description) {
}
