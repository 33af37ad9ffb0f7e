package io.obconsole.demo.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of CDB_OB_BACKUP_JOBS (while {@code end} is null) or _JOB_HISTORY. A CLUSTER job (the
 * sys tenant's row) only aggregates its {@code children}; a USER_TENANT job carries the work.
 */
final class BackupJob {

    static final String CLUSTER = "CLUSTER";
    static final String USER_TENANT = "USER_TENANT";

    final long tenantId;
    final long jobId;
    final long backupSetId;
    final long initiatorTenantId;
    final long initiatorJobId;
    final String jobLevel;
    final String backupType;
    final boolean plusArchivelog;
    final String encryptionMode;
    final String passwd;
    final String description;
    final String path;
    final Instant start;
    String executorTenantIds = "";
    String status = "INIT";
    long result;
    String comment = "";
    Instant end;

    final List<BackupJob> children = new ArrayList<>();

    // work of a USER_TENANT job, in "weight x nanoseconds" units so progress is exact integer arithmetic
    BackupTask task;
    long totalUnits;
    long doneUnits;
    long failAtUnits = -1;
    Tenant.Failure failure;
    int retries;
    Instant pausedUntil;
    Instant cancelAt;
    long macroBlockCount;
    long tabletCount;

    BackupJob(long tenantId, long jobId, long backupSetId, long initiatorTenantId, long initiatorJobId, String jobLevel,
            String backupType, boolean plusArchivelog, String encryptionMode, String passwd, String description,
            String path, Instant start) {
        this.tenantId = tenantId;
        this.jobId = jobId;
        this.backupSetId = backupSetId;
        this.initiatorTenantId = initiatorTenantId;
        this.initiatorJobId = initiatorJobId;
        this.jobLevel = jobLevel;
        this.backupType = backupType;
        this.plusArchivelog = plusArchivelog;
        this.encryptionMode = encryptionMode;
        this.passwd = passwd;
        this.description = description;
        this.path = path;
        this.start = start;
    }

    boolean running() {
        return end == null;
    }

    boolean cancellable() {
        return status.equals("INIT") || status.equals("DOING");
    }
}
