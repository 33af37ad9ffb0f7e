package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts, cancels and runs data backups: the checks of spec section 4 in OceanBase's order, the
 * CLUSTER/USER_TENANT job rows, and progress that is integer work (weight x nanoseconds) so that
 * the counters depend only on the clock, never on how often anyone looked.
 */
final class BackupEngine {

    /** How long a job stays INIT before its task starts. */
    static final Duration INIT_DELAY = Duration.ofSeconds(2);
    /** How long CANCELING lasts before CANCELED. */
    static final Duration CANCEL_DELAY = Duration.ofSeconds(2);
    /** How long a task waits before retrying after a retryable error. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(5);
    static final int MAX_RETRIES = 2;
    /** Weight of ha_low_thread_score = 0 (the built-in default). */
    static final int DEFAULT_WEIGHT = 4;
    static final long CANCELED = -4072;

    // cumulative share (per mille) of the work at the end of each phase
    private static final String[] PHASES = {"BACKUP_SYS_META", "BACKUP_USER_META", "BACKUP_META_FINISH", "BACKUP_DATA_SYS",
        "BACKUP_DATA_MINOR", "BACKUP_DATA_MAJOR", "BEFORE_BACKUP_LOG", "BACKUP_LOG"};
    private static final long[] PHASE_ENDS = {20, 50, 60, 100, 250, 900, 920, 1000};
    private static final long DATA_START = 60;
    private static final long DATA_END = 900;

    private final Cluster cluster;

    BackupEngine(Cluster cluster) {
        this.cluster = cluster;
    }

    // ---- starting

    /** From a user tenant: {@code DATABASE} means this tenant. */
    void startFromUserTenant(Tenant caller, Statement.Backup backup, String password) throws SqlError {
        if (!caller.status.equals("NORMAL")) {
            throw Errors.backupCannotStart(Errors.TENANT_NOT_NORMAL);
        }
        if (!caller.archiveStatus().equals("DOING")) {
            throw Errors.backupCannotStart(Errors.ARCHIVE_NOT_DOING);
        }
        if (caller.dataBackupDest.isEmpty()) {
            throw Errors.backupCannotStart(Errors.DEST_NOT_SET_USER_TENANT);
        }
        // a job sys started for this tenant does not count: OceanBase counts open jobs per (tenant, initiator)
        if (openJob(caller.id, caller.id) != null) {
            throw Errors.backupInProgress();
        }
        Instant now = cluster.now();
        BackupJob job = tenantJob(caller, caller.id, 0, backup, password, now);
        job.executorTenantIds = String.valueOf(caller.id);
        cluster.jobs.add(job);
    }

    /**
     * From sys: a CLUSTER row for tenant 1 plus one USER_TENANT row per qualifying tenant. While
     * the sys tenant's own CLUSTER row is open, every new BACKUP from sys is refused (spec section
     * 6), whichever tenants it names and whether or not their part has already ended. OceanBase
     * resolves the statement first: an unknown name (5160, {@code all_user} too) or {@code sys} in
     * the list (4016) is refused as such whether or not a job runs.
     */
    void startFromSys(Statement.Backup backup, String password) throws SqlError {
        Set<Tenant> named = backup.tenants() == null ? null : resolve(backup.tenants());
        if (openJob(Cluster.SYS_TENANT_ID, Cluster.SYS_TENANT_ID) != null) {
            throw Errors.backupInProgress();
        }
        List<Tenant> targets = named == null ? qualifyingTenants() : admissible(named);
        Tenant sys = cluster.sys();
        Instant now = cluster.now();
        String type = backup.incremental() ? "INC" : "FULL";
        BackupJob parent = new BackupJob(sys.id, sys.nextJobId++, 0, sys.id, 0, BackupJob.CLUSTER, type,
                backup.plusArchivelog(), encryptionMode(password), passwd(password), backup.description(), "", now);
        parent.executorTenantIds = String.join(",", targets.stream().map(t -> String.valueOf(t.id)).toList());
        cluster.jobs.add(parent);
        for (Tenant tenant : targets) {
            BackupJob child = tenantJob(tenant, sys.id, parent.jobId, backup, password, now);
            child.executorTenantIds = String.valueOf(tenant.id);
            parent.children.add(child);
            cluster.jobs.add(child);
        }
    }

    private List<Tenant> qualifyingTenants() throws SqlError {
        List<Tenant> targets = cluster.userTenants().stream()
                .filter(t -> cannotStart(t) == null && runningJob(t.id) == null)
                .toList();
        if (targets.isEmpty()) {
            throw Errors.backupCannotStart(Errors.NO_TENANT_QUALIFIES);
        }
        return targets;
    }

    private Set<Tenant> resolve(Statement.TenantList list) throws SqlError {
        Set<Tenant> targets = new LinkedHashSet<>();
        for (String name : list.names()) {
            targets.add(cluster.userTenantNamed(name));
        }
        return targets;
    }

    private List<Tenant> admissible(Set<Tenant> targets) throws SqlError {
        for (Tenant tenant : targets) {
            String reason = cannotStart(tenant);
            if (reason != null) {
                throw Errors.backupCannotStart(reason);
            }
        }
        for (Tenant tenant : targets) {
            // a backup the tenant started itself may run beside this one
            if (openJob(tenant.id, Cluster.SYS_TENANT_ID) != null) {
                throw Errors.backupInProgress();
            }
        }
        return new ArrayList<>(targets);
    }

    /** Why sys may not back a tenant up (spec section 4 texts), or null if it may. */
    private static String cannotStart(Tenant tenant) {
        if (!tenant.status.equals("NORMAL")) {
            return Errors.TENANT_NOT_NORMAL;
        }
        if (!tenant.archiveStatus().equals("DOING")) {
            return Errors.ARCHIVE_NOT_DOING;
        }
        if (tenant.dataBackupDest.isEmpty()) {
            return Errors.DEST_NOT_SET;
        }
        return null;
    }

    private BackupJob tenantJob(Tenant tenant, long initiatorTenantId, long initiatorJobId, Statement.Backup backup,
            String password, Instant now) {
        // INCREMENTAL without a usable FULL set silently becomes FULL, as OceanBase does
        boolean incremental = backup.incremental() && latestUsableFull(tenant.id) != null;
        BackupJob job = new BackupJob(tenant.id, tenant.nextJobId++, tenant.nextBackupSetId++,
                initiatorTenantId == tenant.id ? tenant.id : initiatorTenantId, initiatorJobId, BackupJob.USER_TENANT,
                incremental ? "INC" : "FULL", backup.plusArchivelog(), encryptionMode(password), passwd(password),
                backup.description(), tenant.dataBackupDest, now);
        job.tabletCount = tenant.tabletCount;
        // an incremental backup copies the macro blocks changed since the last set, about a fifth
        job.macroBlockCount = incremental ? Math.max(1, tenant.macroBlockCount() / 5) : tenant.macroBlockCount();
        long nanos = cluster.fullBackupDuration().toNanos() / (incremental ? 4 : 1);
        job.totalUnits = Math.max(1, nanos * DEFAULT_WEIGHT);
        job.failure = tenant.nextFailure;
        tenant.nextFailure = null;
        if (job.failure != null) {
            // a destination that cannot be reached fails at once; an IO error half-way through the data
            job.failAtUnits = job.failure.result() == -9070 ? 0 : job.totalUnits / 2;
        }
        return job;
    }

    private static String encryptionMode(String password) {
        return password == null ? "NONE" : "PASSWORD";
    }

    /** A digest, never the clear password: the view shows that a password exists, not which. */
    static String passwd(String password) {
        if (password == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    BackupJob runningJob(long tenantId) {
        return cluster.jobs.stream().filter(j -> j.tenantId == tenantId && j.running()).findFirst().orElse(null);
    }

    /** The tenant's open job started by {@code initiatorTenantId}, or null: OceanBase's "already running" check. */
    BackupJob openJob(long tenantId, long initiatorTenantId) {
        return cluster.jobs.stream()
                .filter(j -> j.tenantId == tenantId && j.initiatorTenantId == initiatorTenantId && j.running())
                .findFirst().orElse(null);
    }

    BackupSetFile latestUsableFull(long tenantId) {
        BackupSetFile latest = null;
        for (BackupSetFile set : cluster.backupSets) {
            if (set.tenantId() == tenantId && set.usableFull()) {
                latest = set;
            }
        }
        return latest;
    }

    // ---- cancelling

    /** Sets the running jobs of {@code tenantIds} (all, if null) to CANCELING. */
    void cancel(Set<Long> tenantIds) {
        Instant now = cluster.now();
        for (BackupJob job : cluster.jobs) {
            if (job.running() && job.cancellable() && (tenantIds == null || tenantIds.contains(job.tenantId))) {
                if (job.jobLevel.equals(BackupJob.CLUSTER)) {
                    if (tenantIds == null) {
                        job.status = "CANCELING";
                    }
                    continue;
                }
                job.status = "CANCELING";
                job.cancelAt = now.plus(CANCEL_DELAY);
                if (job.task != null) {
                    job.task.status = "CANCELING";
                }
            }
        }
    }

    // ---- running

    /** Moves every running job from {@code from} to {@code to}. */
    void advance(Instant from, Instant to) {
        for (BackupJob job : cluster.jobs) {
            if (job.running() && job.jobLevel.equals(BackupJob.USER_TENANT)) {
                advance(job, cluster.tenant(job.tenantId), from, to);
            }
        }
        for (BackupJob job : cluster.jobs) {
            if (job.running() && job.jobLevel.equals(BackupJob.CLUSTER)) {
                settleClusterJob(job);
            }
        }
    }

    private void advance(BackupJob job, Tenant tenant, Instant from, Instant to) {
        Instant at = from.isBefore(job.start) ? job.start : from;
        while (job.running() && at.isBefore(to)) {
            switch (job.status) {
                case "INIT" -> {
                    Instant doingAt = job.start.plus(INIT_DELAY);
                    if (to.isBefore(doingAt)) {
                        return;
                    }
                    at = doingAt;
                    job.status = "DOING";
                    job.task = new BackupTask(tenant.nextTaskId++, at, scn(at));
                }
                case "CANCELING" -> {
                    if (to.isBefore(job.cancelAt)) {
                        return;
                    }
                    end(job, "CANCELED", CANCELED, "", job.cancelAt);
                }
                default -> at = work(job, tenant, at, to);
            }
        }
    }

    /** Progress from {@code at} towards {@code to}; returns where it stopped (to, or an event). */
    private Instant work(BackupJob job, Tenant tenant, Instant at, Instant to) {
        if (job.pausedUntil != null) {
            if (to.isBefore(job.pausedUntil)) {
                return to;
            }
            at = job.pausedUntil;
            job.pausedUntil = null;
            job.task.comment = "";
        }
        long weight = tenant.stalled ? 0 : weight(tenant.haLowThreadScore);
        if (weight == 0) {
            return to;
        }
        long target = job.failAtUnits >= 0 ? job.failAtUnits : job.totalUnits;
        long neededNanos = ceilDiv(target - job.doneUnits, weight);
        long availableNanos = Duration.between(at, to).toNanos();
        if (availableNanos < neededNanos) {
            job.doneUnits += availableNanos * weight;
            updateTask(job);
            return to;
        }
        Instant event = at.plusNanos(neededNanos);
        job.doneUnits = target;
        updateTask(job);
        if (target == job.totalUnits) {
            end(job, "COMPLETED", 0, "", event);
        } else if (job.failure.retryable() && job.retries < MAX_RETRIES) {
            job.retries++;
            job.task.retryId = job.retries;
            job.task.comment = job.failure.comment();
            job.pausedUntil = event.plus(RETRY_DELAY);
        } else {
            end(job, "FAILED", job.failure.result(), job.failure.comment(), event);
        }
        return event;
    }

    static long weight(int haLowThreadScore) {
        return haLowThreadScore == 0 ? DEFAULT_WEIGHT : haLowThreadScore;
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    /** Counters follow the done work: meta phases first, data through DATA_MAJOR, then logs. */
    void updateTask(BackupJob job) {
        BackupTask task = job.task;
        long permille = job.doneUnits * 1000 / job.totalUnits;
        if (!task.status.equals("CANCELING")) {
            for (int i = 0; i < PHASES.length; i++) {
                if (permille < PHASE_ENDS[i] || i == PHASES.length - 1) {
                    task.status = PHASES[i];
                    break;
                }
            }
        }
        long dataStart = job.totalUnits / 1000 * DATA_START;
        long dataSpan = job.totalUnits / 1000 * (DATA_END - DATA_START);
        long dataDone = Math.max(0, Math.min(dataSpan, job.doneUnits - dataStart));
        double share = dataSpan == 0 ? 1 : (double) dataDone / dataSpan;
        task.finishTabletCount = (long) Math.floor(job.tabletCount * share);
        task.finishMacroBlockCount = (long) Math.floor(job.macroBlockCount * share);
        task.inputBytes = task.finishMacroBlockCount * Cluster.MACRO_BLOCK_BYTES;
        task.outputBytes = task.inputBytes * 3 / 5;
        task.extraMetaBytes = permille >= PHASE_ENDS[2] ? job.tabletCount * 4096 : 0;
        task.fileCount = permille >= PHASE_ENDS[2] ? 2 + task.finishMacroBlockCount / 512 : 1;
        task.dataTurnId = permille >= DATA_START ? 1 : 0;
    }

    void end(BackupJob job, String status, long result, String comment, Instant at) {
        job.status = status;
        job.result = result;
        job.comment = comment;
        job.end = at;
        if (job.task != null) {
            job.task.status = status;
            job.task.result = result;
            job.task.comment = comment;
            job.task.end = at;
            job.task.endScn = scn(at);
        }
        recordBackupSet(job, status.equals("COMPLETED"));
        cluster.unsaved = true;
    }

    private void recordBackupSet(BackupJob job, boolean success) {
        long prevFull = 0;
        long prevInc = 0;
        if (job.backupType.equals("INC")) {
            BackupSetFile full = latestUsableFull(job.tenantId);
            prevFull = full == null ? 0 : full.backupSetId();
            for (BackupSetFile set : cluster.backupSets) {
                if (set.tenantId() == job.tenantId && set.usable() && set.backupSetId() >= prevFull) {
                    prevInc = set.backupSetId();
                }
            }
        }
        BackupTask task = job.task;
        long startScn = task == null ? scn(job.start) : task.startScn;
        cluster.backupSets.add(new BackupSetFile(job.tenantId, job.backupSetId, job.backupType, prevFull, prevInc,
                job.start, job.end, success ? "SUCCESS" : "FAILED", success ? "AVAILABLE" : "INCOMPLETE",
                job.plusArchivelog, startScn, success ? scn(job.end) : 0,
                task == null ? 0 : task.inputBytes, task == null ? 0 : task.outputBytes, job.tabletCount,
                task == null ? 0 : task.finishTabletCount, job.macroBlockCount,
                task == null ? 0 : task.finishMacroBlockCount, task == null ? 0 : task.fileCount, job.result,
                job.comment, job.encryptionMode, job.passwd,
                job.path + "/backup_set_" + job.backupSetId + "_" + (job.backupType.equals("FULL") ? "full" : "inc"),
                cluster.config.version()));
    }

    /** A CLUSTER row reflects its tenants: DOING once one runs, ended when all ended. */
    private void settleClusterJob(BackupJob parent) {
        boolean anyStarted = parent.children.stream().anyMatch(c -> !c.status.equals("INIT"));
        if (parent.status.equals("INIT") && anyStarted) {
            parent.status = "DOING";
        }
        if (parent.children.stream().anyMatch(BackupJob::running)) {
            return;
        }
        BackupJob failed = parent.children.stream().filter(c -> c.status.equals("FAILED")).findFirst().orElse(null);
        boolean canceled = parent.status.equals("CANCELING")
                || parent.children.stream().anyMatch(c -> c.status.equals("CANCELED"));
        parent.end = parent.children.stream().map(c -> c.end).max(Instant::compareTo).orElse(cluster.now());
        if (failed != null) {
            parent.status = "FAILED";
            parent.result = failed.result;
            parent.comment = failed.comment;
        } else if (canceled) {
            parent.status = "CANCELED";
            parent.result = CANCELED;
        } else {
            parent.status = "COMPLETED";
        }
    }

    /** OceanBase 4.x SCNs are nanoseconds since the epoch. */
    static long scn(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
