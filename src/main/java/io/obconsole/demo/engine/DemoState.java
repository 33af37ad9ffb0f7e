package io.obconsole.demo.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo cluster's state in a file, so that a restarted demo cluster continues as an observer
 * does after a restart: the same tenants, archive rounds, backup sets and job history, and job
 * numbering that goes on from where it was (OceanBase keeps all of this in its inner tables).
 * Written after every change, atomically (a new file moved over the old one).
 */
final class DemoState {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DemoState() {
    }

    /** Puts the saved state into {@code cluster}, which must hold nothing yet. */
    static void load(Cluster cluster, Path file) {
        Saved saved;
        try {
            saved = JSON.readValue(file.toFile(), Saved.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo cluster's state from " + file, e);
        }
        cluster.restore(saved.incarnation(), saved.advancedTo());
        for (TenantRow row : saved.tenants()) {
            cluster.tenants.add(row.toTenant());
        }
        Map<String, BackupJob> byKey = new HashMap<>();
        for (JobRow row : saved.jobs()) {
            BackupJob job = row.toJob();
            byKey.put(row.tenantId() + "/" + row.jobId(), job);
            cluster.jobs.add(job);
        }
        for (JobRow row : saved.jobs()) {
            BackupJob parent = byKey.get(row.tenantId() + "/" + row.jobId());
            row.children().forEach(child -> parent.children.add(byKey.get(child)));
        }
        cluster.backupSets.addAll(saved.backupSets());
        cluster.storage.restore(saved.formatFiles(), saved.foreignFiles());
        if (saved.units() == null || saved.pools() == null) {
            // a state file from before resource pools: the tenants have the pools they were seeded with
            cluster.resources.seed(cluster.tenants);
        } else {
            cluster.resources.units.addAll(saved.units());
            cluster.resources.pools.addAll(saved.pools());
            cluster.resources.nextUnitConfigId = saved.nextUnitConfigId();
            cluster.resources.nextPoolId = saved.nextPoolId();
        }
        if (saved.restoreJobs() != null) {
            cluster.restores.jobs.addAll(saved.restoreJobs());
            cluster.restores.nextJobId = saved.nextRestoreJobId();
        }
    }

    /** Writes the whole state of {@code cluster}; the caller holds the cluster's lock. */
    static void save(Cluster cluster, Path file) {
        Saved saved = new Saved(cluster.incarnation, cluster.now(),
                cluster.tenants.stream().map(TenantRow::of).toList(),
                cluster.jobs.stream().map(JobRow::of).toList(), List.copyOf(cluster.backupSets),
                cluster.storage.formatFiles(), cluster.storage.foreignFiles(), List.copyOf(cluster.resources.units),
                List.copyOf(cluster.resources.pools), cluster.resources.nextUnitConfigId, cluster.resources.nextPoolId,
                List.copyOf(cluster.restores.jobs), cluster.restores.nextJobId);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            JSON.writeValue(temporary.toFile(), saved);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo cluster's state to " + file, e);
        }
    }

    /** {@code formatFiles}: destination root to {@code tenantId:USE}; {@code foreignFiles}: roots holding other files. */
    record Saved(long incarnation, Instant advancedTo, List<TenantRow> tenants, List<JobRow> jobs,
            List<BackupSetFile> backupSets, Map<String, String> formatFiles, List<String> foreignFiles,
            List<Resources.UnitConfig> units, List<Resources.ResourcePool> pools, long nextUnitConfigId, long nextPoolId,
            List<RestoreJob> restoreJobs, long nextRestoreJobId) {
    }

    record RoundRow(long roundId, Instant start, String path, String status, Instant settlesAt, Instant checkpoint,
            java.time.Duration pieceInterval) {
    }

    record TenantRow(long id, String name, Tenant.Type type, String compatibilityMode, Instant createTime,
            long dataBytes, long tabletCount, String status, String dataBackupDest, String logArchiveDest,
            int haLowThreadScore, boolean stalled, Tenant.Failure nextFailure, List<RoundRow> archiveRounds,
            long nextJobId, long nextTaskId, long nextBackupSetId, String deletePolicyWindow, String tenantRole) {

        static TenantRow of(Tenant t) {
            return new TenantRow(t.id, t.name, t.type, t.compatibilityMode, t.createTime, t.dataBytes, t.tabletCount,
                    t.status, t.dataBackupDest, t.logArchiveDest, t.haLowThreadScore, t.stalled, t.nextFailure,
                    t.archiveRounds.stream().map(r -> new RoundRow(r.roundId, r.start, r.path, r.status, r.settlesAt,
                            r.checkpoint, r.pieceInterval)).toList(),
                    t.nextJobId, t.nextTaskId, t.nextBackupSetId, t.deletePolicyWindow, t.role);
        }

        Tenant toTenant() {
            Tenant t = new Tenant(id, name, type, compatibilityMode, createTime, dataBytes, tabletCount);
            t.status = status;
            t.dataBackupDest = dataBackupDest;
            t.logArchiveDest = logArchiveDest;
            t.haLowThreadScore = haLowThreadScore;
            t.stalled = stalled;
            t.nextFailure = nextFailure;
            for (RoundRow r : archiveRounds) {
                ArchiveRound round = new ArchiveRound(r.roundId(), r.start(), r.path(), r.status());
                round.settlesAt = r.settlesAt();
                round.checkpoint = r.checkpoint();
                if (r.pieceInterval() != null) {
                    round.pieceInterval = r.pieceInterval();
                }
                t.archiveRounds.add(round);
            }
            t.nextJobId = nextJobId;
            t.nextTaskId = nextTaskId;
            t.nextBackupSetId = nextBackupSetId;
            t.deletePolicyWindow = deletePolicyWindow;
            // state files from before restore have no role: every tenant was PRIMARY
            t.role = tenantRole == null ? "PRIMARY" : tenantRole;
            return t;
        }
    }

    record TaskRow(long taskId, Instant start, long startScn, String status, Instant end, long endScn,
            long finishTabletCount, long finishMacroBlockCount, long inputBytes, long outputBytes, long extraMetaBytes,
            long fileCount, long metaTurnId, long dataTurnId, long result, String comment, int retryId) {

        static TaskRow of(BackupTask k) {
            return k == null ? null : new TaskRow(k.taskId, k.start, k.startScn, k.status, k.end, k.endScn,
                    k.finishTabletCount, k.finishMacroBlockCount, k.inputBytes, k.outputBytes, k.extraMetaBytes,
                    k.fileCount, k.metaTurnId, k.dataTurnId, k.result, k.comment, k.retryId);
        }

        BackupTask toTask() {
            BackupTask k = new BackupTask(taskId, start, startScn);
            k.status = status;
            k.end = end;
            k.endScn = endScn;
            k.finishTabletCount = finishTabletCount;
            k.finishMacroBlockCount = finishMacroBlockCount;
            k.inputBytes = inputBytes;
            k.outputBytes = outputBytes;
            k.extraMetaBytes = extraMetaBytes;
            k.fileCount = fileCount;
            k.metaTurnId = metaTurnId;
            k.dataTurnId = dataTurnId;
            k.result = result;
            k.comment = comment;
            k.retryId = retryId;
            return k;
        }
    }

    record JobRow(long tenantId, long jobId, long backupSetId, long initiatorTenantId, long initiatorJobId,
            String jobLevel, String backupType, boolean plusArchivelog, String encryptionMode, String passwd,
            String description, String path, Instant start, String executorTenantIds, String status, long result,
            String comment, Instant end, List<String> children, TaskRow task, long totalUnits, long doneUnits,
            long failAtUnits, Tenant.Failure failure, int retries, Instant pausedUntil, Instant cancelAt,
            long macroBlockCount, long tabletCount) {

        static JobRow of(BackupJob j) {
            List<String> children = new ArrayList<>();
            j.children.forEach(c -> children.add(c.tenantId + "/" + c.jobId));
            return new JobRow(j.tenantId, j.jobId, j.backupSetId, j.initiatorTenantId, j.initiatorJobId, j.jobLevel,
                    j.backupType, j.plusArchivelog, j.encryptionMode, j.passwd, j.description, j.path, j.start,
                    j.executorTenantIds, j.status, j.result, j.comment, j.end, children, TaskRow.of(j.task),
                    j.totalUnits, j.doneUnits, j.failAtUnits, j.failure, j.retries, j.pausedUntil, j.cancelAt,
                    j.macroBlockCount, j.tabletCount);
        }

        BackupJob toJob() {
            BackupJob j = new BackupJob(tenantId, jobId, backupSetId, initiatorTenantId, initiatorJobId, jobLevel,
                    backupType, plusArchivelog, encryptionMode, passwd, description, path, start);
            j.executorTenantIds = executorTenantIds;
            j.status = status;
            j.result = result;
            j.comment = comment;
            j.end = end;
            j.task = task == null ? null : task.toTask();
            j.totalUnits = totalUnits;
            j.doneUnits = doneUnits;
            j.failAtUnits = failAtUnits;
            j.failure = failure;
            j.retries = retries;
            j.pausedUntil = pausedUntil;
            j.cancelAt = cancelAt;
            j.macroBlockCount = macroBlockCount;
            j.tabletCount = tabletCount;
            return j;
        }
    }
}
