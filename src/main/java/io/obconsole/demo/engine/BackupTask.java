package io.obconsole.demo.engine;

import java.time.Instant;

/**
 * One row of CDB_OB_BACKUP_TASKS / _TASK_HISTORY: the progress counters of a tenant job. The
 * counters are recomputed from the job's done work, never accumulated, so they are exact.
 */
final class BackupTask {

    final long taskId;
    final Instant start;
    final long startScn;
    String status = "BACKUP_SYS_META";
    Instant end;
    long endScn;
    long finishTabletCount;
    long finishMacroBlockCount;
    long inputBytes;
    long outputBytes;
    long extraMetaBytes;
    long fileCount;
    long metaTurnId = 1;
    long dataTurnId;
    long result;
    String comment = "";
    /** How often a retryable error restarted the task; shown as RETRY_ID, as __all_backup_task keeps it. */
    int retryId;

    BackupTask(long taskId, Instant start, long startScn) {
        this.taskId = taskId;
        this.start = start;
        this.startScn = startScn;
    }
}
