package io.obconsole.demo.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OceanBase views the demo cluster offers, with the column names and types of spec section 3
 * and the rows read from the {@link Cluster}. Adding a column here adds it to every session.
 */
final class ViewCatalog {

    private static final String B = " BIGINT";
    private static final String S = " VARCHAR(4096)";
    private static final String T = " TIMESTAMP(6)";

    private ViewCatalog() {
    }

    static List<ViewTable> tables(Cluster cluster) {
        boolean v422 = cluster.versionAtLeast("4.2.2");
        List<ViewTable> tables = new ArrayList<>();
        tables.add(ViewTable.shared("TENANTS", "DBA_OB_TENANTS", List.of("TENANT_ID" + B, "TENANT_NAME" + S,
                "TENANT_TYPE" + S, "CREATE_TIME" + T, "MODIFY_TIME" + T, "PRIMARY_ZONE" + S, "LOCALITY" + S,
                "PREVIOUS_LOCALITY" + S, "COMPATIBILITY_MODE" + S, "STATUS" + S, "IN_RECYCLEBIN" + S, "LOCKED" + S,
                "TENANT_ROLE" + S, "SWITCHOVER_STATUS" + S, "SWITCHOVER_EPOCH" + B, "SYNC_SCN" + B, "REPLAYABLE_SCN" + B,
                "READABLE_SCN" + B, "RECOVERY_UNTIL_SCN" + B, "LOG_MODE" + S, "ARBITRATION_SERVICE_STATUS" + S,
                "UNIT_NUM" + B, "COMPATIBLE" + S, "MAX_LS_ID" + B), ViewCatalog::tenants));
        List<String> archive = List.of("TENANT_ID" + B, "DEST_ID" + B, "ROUND_ID" + B, "INCARNATION" + B, "DEST_NO" + B,
                "STATUS" + S, "START_SCN" + B, "START_SCN_DISPLAY" + T, "CHECKPOINT_SCN" + B, "CHECKPOINT_SCN_DISPLAY" + T,
                "COMPATIBLE" + B, "BASE_PIECE_ID" + B, "USED_PIECE_ID" + B, "PIECE_SWITCH_INTERVAL" + B, "INPUT_BYTES" + B,
                "INPUT_BYTES_DISPLAY" + S, "OUTPUT_BYTES" + B, "OUTPUT_BYTES_DISPLAY" + S, "COMPRESSION_RATIO DECIMAL(19,2)",
                "DELETED_INPUT_BYTES" + B, "DELETED_OUTPUT_BYTES" + B, "COMMENT" + S, "PATH" + S);
        tables.add(ViewTable.perTenant("ARCHIVELOG", "CDB_OB_ARCHIVELOG", "DBA_OB_ARCHIVELOG", archive,
                c -> archiveRows(c, false)));
        tables.add(ViewTable.perTenant("ARCHIVELOG_SUMMARY", "CDB_OB_ARCHIVELOG_SUMMARY", "DBA_OB_ARCHIVELOG_SUMMARY",
                archive, c -> archiveRows(c, true)));
        tables.add(ViewTable.perTenant("ARCHIVELOG_PIECE_FILES", "CDB_OB_ARCHIVELOG_PIECE_FILES",
                "DBA_OB_ARCHIVELOG_PIECE_FILES", List.of("TENANT_ID" + B, "DEST_ID" + B, "ROUND_ID" + B, "PIECE_ID" + B,
                        "INCARNATION" + B, "DEST_NO" + B, "STATUS" + S, "START_SCN" + B, "START_SCN_DISPLAY" + T,
                        "CHECKPOINT_SCN" + B, "CHECKPOINT_SCN_DISPLAY" + T, "MAX_SCN" + B, "END_SCN" + B, "COMPATIBLE" + B,
                        "UNIT_SIZE" + B, "COMPRESSION" + S, "INPUT_BYTES" + B, "INPUT_BYTES_DISPLAY" + S, "OUTPUT_BYTES" + B,
                        "OUTPUT_BYTES_DISPLAY" + S, "COMPRESSION_RATIO DECIMAL(19,2)", "FILE_STATUS" + S, "PATH" + S),
                ViewCatalog::pieceRows));
        tables.add(ViewTable.perTenant("BACKUP_PARAMETER", "CDB_OB_BACKUP_PARAMETER", "DBA_OB_BACKUP_PARAMETER",
                List.of("TENANT_ID" + B, "NAME" + S, "VALUE" + S), ViewCatalog::backupParameters));
        tables.add(ViewTable.perTenant("ARCHIVE_DEST", "CDB_OB_ARCHIVE_DEST", "DBA_OB_ARCHIVE_DEST",
                List.of("TENANT_ID" + B, "DEST_NO" + B, "NAME" + S, "VALUE" + S), ViewCatalog::archiveDests));
        tables.add(ViewTable.perTenant("BACKUP_DELETE_POLICY", "CDB_OB_BACKUP_DELETE_POLICY", "DBA_OB_BACKUP_DELETE_POLICY",
                List.of("TENANT_ID" + B, "POLICY_NAME" + S, "RECOVERY_WINDOW" + S), ViewCatalog::deletePolicies));
        List<String> jobs = List.of("TENANT_ID" + B, "JOB_ID" + B, "INCARNATION" + B, "BACKUP_SET_ID" + B,
                "INITIATOR_TENANT_ID" + B, "INITIATOR_JOB_ID" + B, "EXECUTOR_TENANT_ID" + S, "PLUS_ARCHIVELOG" + S,
                "BACKUP_TYPE" + S, "JOB_LEVEL" + S, "ENCRYPTION_MODE" + S, "PASSWD" + S, "START_TIMESTAMP" + T,
                "END_TIMESTAMP" + T, "STATUS" + S, "RESULT" + B, "COMMENT" + S, "DESCRIPTION" + S, "PATH" + S);
        tables.add(ViewTable.perTenant("BACKUP_JOBS", "CDB_OB_BACKUP_JOBS", "DBA_OB_BACKUP_JOBS", jobs,
                c -> jobRows(c, true)));
        tables.add(ViewTable.perTenant("BACKUP_JOB_HISTORY", "CDB_OB_BACKUP_JOB_HISTORY", "DBA_OB_BACKUP_JOB_HISTORY",
                jobs, c -> jobRows(c, false)));
        // RETRY_ID is not in the spec's list: it is where a retryable error's retry count shows
        List<String> tasks = List.of("TENANT_ID" + B, "TASK_ID" + B, "JOB_ID" + B, "INCARNATION" + B,
                "BACKUP_SET_ID" + B, "START_TIMESTAMP" + T, "END_TIMESTAMP" + T, "STATUS" + S, "START_SCN" + B,
                "END_SCN" + B, "USER_LS_START_SCN" + B, "ENCRYPTION_MODE" + S, "PASSWD" + S, "INPUT_BYTES" + B,
                "OUTPUT_BYTES" + B, "OUTPUT_RATE_BYTES" + B, "EXTRA_META_BYTES" + B, "TABLET_COUNT" + B,
                "FINISH_TABLET_COUNT" + B, "MACRO_BLOCK_COUNT" + B, "FINISH_MACRO_BLOCK_COUNT" + B, "FILE_COUNT" + B,
                "META_TURN_ID" + B, "DATA_TURN_ID" + B, "RESULT" + B, "COMMENT" + S, "PATH" + S, "RETRY_ID" + B);
        tables.add(ViewTable.perTenant("BACKUP_TASKS", "CDB_OB_BACKUP_TASKS", "DBA_OB_BACKUP_TASKS", tasks,
                c -> taskRows(c, true)));
        tables.add(ViewTable.perTenant("BACKUP_TASK_HISTORY", "CDB_OB_BACKUP_TASK_HISTORY", "DBA_OB_BACKUP_TASK_HISTORY",
                tasks, c -> taskRows(c, false)));
        tables.add(ViewTable.perTenant("BACKUP_SET_FILES", "CDB_OB_BACKUP_SET_FILES", "DBA_OB_BACKUP_SET_FILES",
                List.of("TENANT_ID" + B, "BACKUP_SET_ID" + B, "DEST_ID" + B, "INCARNATION" + B, "BACKUP_TYPE" + S,
                        "PREV_FULL_BACKUP_SET_ID" + B, "PREV_INC_BACKUP_SET_ID" + B, "START_TIMESTAMP" + T,
                        "END_TIMESTAMP" + T, "STATUS" + S, "FILE_STATUS" + S, "ELAPSED_SECONDES" + B, "PLUS_ARCHIVELOG" + S,
                        "START_REPLAY_SCN" + B, "START_REPLAY_SCN_DISPLAY" + T, "MIN_RESTORE_SCN" + B,
                        "MIN_RESTORE_SCN_DISPLAY" + T, "INPUT_BYTES" + B, "OUTPUT_BYTES" + B, "OUTPUT_RATE_BYTES" + B,
                        "EXTRA_META_BYTES" + B, "TABLET_COUNT" + B, "FINISH_TABLET_COUNT" + B, "MACRO_BLOCK_COUNT" + B,
                        "FINISH_MACRO_BLOCK_COUNT" + B, "FILE_COUNT" + B, "META_TURN_ID" + B, "DATA_TURN_ID" + B,
                        "RESULT" + B, "COMMENT" + S, "ENCRYPTION_MODE" + S, "PASSWD" + S, "TENANT_COMPATIBLE" + S,
                        "BACKUP_COMPATIBLE" + B, "PATH" + S, "CLUSTER_VERSION" + S), ViewCatalog::backupSets));
        boolean progressColumns = cluster.versionAtLeast("4.2.3")
                || cluster.versionAtLeast("4.2.1.7") && !cluster.versionAtLeast("4.2.2");
        boolean restoreType = cluster.versionAtLeast("4.3.3");
        List<String> progress = new ArrayList<>(List.of("TENANT_ID" + B, "JOB_ID" + B, "RESTORE_TENANT_NAME" + S,
                "RESTORE_TENANT_ID" + B, "BACKUP_TENANT_NAME" + S, "BACKUP_TENANT_ID" + B, "BACKUP_CLUSTER_NAME" + S,
                "BACKUP_DEST" + S, "RESTORE_OPTION" + S, "RESTORE_SCN" + B, "RESTORE_SCN_DISPLAY" + T, "STATUS" + S,
                "START_TIMESTAMP" + T, "BACKUP_SET_LIST" + S, "BACKUP_PIECE_LIST" + S));
        if (progressColumns) {
            progress.addAll(List.of("RECOVER_SCN" + B, "RECOVER_SCN_DISPLAY" + T, "RECOVER_PROGRESS DECIMAL(6,2)",
                    "TABLET_COUNT" + B, "FINISH_TABLET_COUNT" + B, "RESTORE_PROGRESS DECIMAL(6,2)"));
        }
        progress.addAll(List.of("TOTAL_BYTES" + B, "TOTAL_BYTES_DISPLAY" + S, "FINISH_BYTES" + B,
                "FINISH_BYTES_DISPLAY" + S, "DESCRIPTION" + S));
        if (restoreType) {
            progress.add("RESTORE_TYPE" + S);
        }
        tables.add(ViewTable.perTenant("RESTORE_PROGRESS", "CDB_OB_RESTORE_PROGRESS", "DBA_OB_RESTORE_PROGRESS", progress,
                c -> RestoreRows.progress(c, progressColumns, restoreType)));
        List<String> history = new ArrayList<>(List.of("TENANT_ID" + B, "JOB_ID" + B, "RESTORE_TENANT_NAME" + S,
                "RESTORE_TENANT_ID" + B, "BACKUP_TENANT_NAME" + S, "BACKUP_TENANT_ID" + B, "BACKUP_CLUSTER_NAME" + S,
                "BACKUP_DEST" + S, "RESTORE_SCN" + B, "RESTORE_SCN_DISPLAY" + T, "RESTORE_OPTION" + S,
                "START_TIMESTAMP" + T, "FINISH_TIMESTAMP" + T, "STATUS" + S, "BACKUP_PIECE_LIST" + S, "BACKUP_SET_LIST" + S,
                "BACKUP_CLUSTER_VERSION" + B, "LS_COUNT" + B, "FINISH_LS_COUNT" + B, "TABLET_COUNT" + B,
                "FINISH_TABLET_COUNT" + B, "TOTAL_BYTES" + B, "TOTAL_BYTES_DISPLAY" + S, "FINISH_BYTES" + B,
                "FINISH_BYTES_DISPLAY" + S, "DESCRIPTION" + S, "COMMENT" + S));
        if (restoreType) {
            history.add("RESTORE_TYPE" + S);
        }
        tables.add(ViewTable.perTenant("RESTORE_HISTORY", "CDB_OB_RESTORE_HISTORY", "DBA_OB_RESTORE_HISTORY", history,
                c -> RestoreRows.history(c, restoreType)));
        tables.add(ViewTable.sysOnly("UNIT_CONFIGS", "DBA_OB_UNIT_CONFIGS", List.of("UNIT_CONFIG_ID" + B, "NAME" + S,
                "CREATE_TIME" + T, "MODIFY_TIME" + T, "MAX_CPU DOUBLE", "MIN_CPU DOUBLE", "MEMORY_SIZE" + B,
                "LOG_DISK_SIZE" + B, "MAX_IOPS" + B, "MIN_IOPS" + B, "IOPS_WEIGHT" + B), ViewCatalog::unitConfigs));
        tables.add(ViewTable.sysOnly("RESOURCE_POOLS", "DBA_OB_RESOURCE_POOLS", List.of("RESOURCE_POOL_ID" + B, "NAME" + S,
                "TENANT_ID" + B, "CREATE_TIME" + T, "MODIFY_TIME" + T, "UNIT_COUNT" + B, "UNIT_CONFIG_ID" + B,
                "ZONE_LIST" + S, "REPLICA_TYPE" + S), ViewCatalog::resourcePools));
        // the 4.2/4.3 column list; CPU_* are cores, the rest bytes (MEM_CAPACITY is what units may take)
        tables.add(ViewTable.sysOnly("SERVERS", "GV$OB_SERVERS", List.of("SVR_IP" + S, "SVR_PORT" + B, "ZONE" + S,
                "SQL_PORT" + B, "CPU_CAPACITY" + B, "CPU_CAPACITY_MAX DOUBLE", "CPU_ASSIGNED DOUBLE",
                "CPU_ASSIGNED_MAX DOUBLE", "MEM_CAPACITY" + B, "MEM_ASSIGNED" + B, "LOG_DISK_CAPACITY" + B,
                "LOG_DISK_ASSIGNED" + B, "LOG_DISK_IN_USE" + B, "DATA_DISK_CAPACITY" + B, "DATA_DISK_IN_USE" + B,
                "DATA_DISK_HEALTH_STATUS" + S, "MEMORY_LIMIT" + B, "DATA_DISK_ALLOCATED" + B,
                "DATA_DISK_ABNORMAL_TIME" + T, "SSL_CERT_EXPIRED_TIME" + T), ViewCatalog::servers));
        List<String> parameters = new ArrayList<>(List.of("SVR_IP" + S, "SVR_PORT" + B, "ZONE" + S, "SCOPE" + S,
                "TENANT_ID" + B, "NAME" + S, "DATA_TYPE" + S, "VALUE" + S, "INFO" + S, "SECTION" + S, "EDIT_LEVEL" + S));
        if (v422) {
            parameters.add("DEFAULT_VALUE" + S);
            parameters.add("ISDEFAULT" + S);
        }
        tables.add(ViewTable.shared("PARAMETERS", "GV$OB_PARAMETERS", parameters, c -> parameterRows(c, v422)));
        return tables;
    }

    static LocalDateTime time(Cluster cluster, Instant instant) {
        ZoneId zone = cluster.clock.getZone();
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    private static List<Object[]> tenants(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        long scn = BackupEngine.scn(c.now());
        for (Tenant t : c.tenants) {
            rows.add(new Object[] {t.id, t.name, t.type.name(), time(c, t.createTime), time(c, t.createTime), "RANDOM",
                "FULL{1}@zone1, FULL{1}@zone2, FULL{1}@zone3", null, t.compatibilityMode, t.status, "NO", "NO",
                t.role, "NORMAL", 0L, scn, scn, scn, 4611686018427387903L,
                t.inArchivelogMode() ? "ARCHIVELOG" : "NOARCHIVELOG", "DISABLED", 1L, "4.2.1.0", 1001L});
        }
        return rows;
    }

    private static List<Object[]> archiveRows(Cluster c, boolean allRounds) {
        List<Object[]> rows = new ArrayList<>();
        for (Tenant t : c.tenants) {
            List<ArchiveRound> rounds = allRounds ? t.archiveRounds : t.archive() == null ? List.of() : List.of(t.archive());
            for (ArchiveRound r : rounds) {
                long input = r.inputBytes();
                long output = input * 3 / 5;
                long base = ArchivePiece.basePieceId(t, r);
                rows.add(new Object[] {t.id, ArchivePiece.DEST_ID, r.roundId, 1L, 1L, r.status, BackupEngine.scn(r.start),
                    time(c, r.start), BackupEngine.scn(r.checkpoint), time(c, r.checkpoint), 4L,
                    base, base + ArchivePiece.usedPieces(r) - 1, r.pieceInterval.toNanos() / 1000, input, display(input),
                    output, display(output), input == 0 ? null : new java.math.BigDecimal("1.67"), 0L, 0L, "", r.path});
            }
        }
        return rows;
    }

    private static List<Object[]> pieceRows(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        for (Tenant t : c.tenants) {
            for (ArchivePiece p : ArchivePiece.of(t)) {
                long input = p.inputBytes();
                long output = input * 3 / 5;
                rows.add(new Object[] {t.id, ArchivePiece.DEST_ID, p.roundId(), p.pieceId(), 1L, 1L, p.status(),
                    p.startScn(), time(c, p.start()), p.checkpointScn(), time(c, p.checkpoint()), p.checkpointScn(),
                    p.endScn(), 4L, 1L, "none", input, display(input), output, display(output),
                    input == 0 ? null : new java.math.BigDecimal("1.67"), "AVAILABLE", p.path()});
            }
        }
        return rows;
    }

    private static List<Object[]> unitConfigs(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        for (Resources.UnitConfig u : c.resources.units) {
            rows.add(new Object[] {u.id(), u.name(), time(c, u.created()), time(c, u.created()), u.maxCpu(), u.minCpu(),
                u.memorySize(), u.logDiskSize(), u.maxIops(), u.minIops(), u.iopsWeight()});
        }
        return rows;
    }

    private static List<Object[]> resourcePools(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        for (Resources.ResourcePool p : c.resources.pools) {
            rows.add(new Object[] {p.id(), p.name(), p.tenantId(), time(c, p.created()), time(c, p.modified()),
                p.unitCount(), p.unitConfigId(), String.join(";", p.zones()), "FULL"});
        }
        return rows;
    }

    private static List<Object[]> servers(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        for (Resources.ServerUsage s : c.resources.servers()) {
            rows.add(new Object[] {s.server().ip(), (long) s.server().port(), s.server().zone(), 2881L,
                (long) Resources.SERVER_CPU, Resources.SERVER_CPU, s.cpuAssigned(), s.cpuAssignedMax(),
                Resources.SERVER_MEMORY, s.memAssigned(), Resources.SERVER_LOG_DISK, s.logDiskAssigned(),
                s.logDiskAssigned() / 8, Resources.SERVER_DATA_DISK, s.memAssigned() / 4, "NORMAL",
                Resources.SERVER_MEMORY + Resources.SERVER_SYSTEM_MEMORY, Resources.SERVER_DATA_DISK, null, null});
        }
        return rows;
    }

    private static List<Object[]> backupParameters(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        for (Tenant t : c.userTenants()) {
            if (!t.dataBackupDest.isEmpty()) {
                rows.add(new Object[] {t.id, "data_backup_dest", t.dataBackupDest});
            }
        }
        return rows;
    }

    private static List<Object[]> deletePolicies(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        for (Tenant t : c.userTenants()) {
            if (t.deletePolicyWindow != null) {
                rows.add(new Object[] {t.id, "default", t.deletePolicyWindow});
            }
        }
        return rows;
    }

    private static List<Object[]> archiveDests(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        for (Tenant t : c.userTenants()) {
            if (!t.logArchiveDest.isEmpty()) {
                rows.add(new Object[] {t.id, 1L, "binding", "OPTIONAL"});
                rows.add(new Object[] {t.id, 1L, "dest_id", "1001"});
                rows.add(new Object[] {t.id, 1L, "path", t.logArchiveDest});
                rows.add(new Object[] {t.id, 1L, "piece_switch_interval", "1d"});
                rows.add(new Object[] {t.id, 1L, "state", "ENABLE"});
            }
        }
        return rows;
    }

    private static List<Object[]> jobRows(Cluster c, boolean running) {
        List<Object[]> rows = new ArrayList<>();
        for (BackupJob j : c.jobs) {
            if (j.running() == running) {
                rows.add(new Object[] {j.tenantId, j.jobId, c.incarnation, j.backupSetId, j.initiatorTenantId, j.initiatorJobId,
                    j.executorTenantIds, j.plusArchivelog ? "ON" : "OFF", j.backupType, j.jobLevel, j.encryptionMode,
                    j.passwd, time(c, j.start), time(c, j.end), j.status, j.result, j.comment, j.description, j.path});
            }
        }
        return rows;
    }

    private static List<Object[]> taskRows(Cluster c, boolean running) {
        List<Object[]> rows = new ArrayList<>();
        for (BackupJob j : c.jobs) {
            BackupTask k = j.task;
            if (k == null || (k.end == null) != running) {
                continue;
            }
            Instant until = k.end != null ? k.end : c.now();
            long seconds = Math.max(1, Duration.between(k.start, until).toSeconds());
            rows.add(new Object[] {j.tenantId, k.taskId, j.jobId, c.incarnation, j.backupSetId, time(c, k.start), time(c, k.end),
                k.status, k.startScn, k.endScn, k.startScn, j.encryptionMode, j.passwd, k.inputBytes, k.outputBytes,
                k.outputBytes / seconds, k.extraMetaBytes, j.tabletCount, k.finishTabletCount, j.macroBlockCount,
                k.finishMacroBlockCount, k.fileCount, k.metaTurnId, k.dataTurnId, k.result, k.comment, j.path,
                (long) k.retryId});
        }
        return rows;
    }

    private static List<Object[]> backupSets(Cluster c) {
        List<Object[]> rows = new ArrayList<>();
        for (BackupSetFile s : c.backupSets) {
            long seconds = Math.max(1, Duration.between(s.start(), s.end()).toSeconds());
            rows.add(new Object[] {s.tenantId(), s.backupSetId(), 1001L, 1L, s.backupType(), s.prevFullBackupSetId(),
                s.prevIncBackupSetId(), time(c, s.start()), time(c, s.end()), s.status(), s.fileStatus(),
                Duration.between(s.start(), s.end()).toSeconds(), s.plusArchivelog() ? "ON" : "OFF",
                s.startReplayScn(), scnTime(c, s.startReplayScn()), s.minRestoreScn(), scnTime(c, s.minRestoreScn()),
                s.inputBytes(), s.outputBytes(), s.outputBytes() / seconds, s.tabletCount() * 4096,
                s.tabletCount(), s.finishTabletCount(), s.macroBlockCount(), s.finishMacroBlockCount(), s.fileCount(),
                1L, 1L, s.result(), s.comment(), s.encryptionMode(), s.passwd(), "4.2.1.0", 4L, s.path(),
                s.clusterVersion()});
        }
        return rows;
    }

    private static List<Object[]> parameterRows(Cluster c, boolean withDefaults) {
        List<Object[]> rows = new ArrayList<>();
        for (Parameters.Server server : Parameters.SERVERS) {
            for (Parameters.Item item : Parameters.ITEMS) {
                List<Tenant> owners = item.tenantScoped() ? c.tenants : java.util.Collections.singletonList(null);
                for (Tenant t : owners) {
                    String value = item.value().apply(t);
                    List<Object> row = new ArrayList<>(List.of(server.ip(), (long) server.port(), server.zone(),
                            item.scope()));
                    row.add(t == null ? null : t.id);
                    row.addAll(List.of(item.name(), item.dataType(), value, item.info(), item.section(),
                            item.editLevel()));
                    if (withDefaults) {
                        String defaultValue = item.defaultValue();
                        row.add(defaultValue);
                        row.add(defaultValue.equals(value) ? "YES" : "NO");
                    }
                    rows.add(row.toArray());
                }
            }
        }
        return rows;
    }

    static LocalDateTime scnTime(Cluster c, long scn) {
        return scn == 0 ? null : time(c, Instant.ofEpochSecond(scn / 1_000_000_000L, scn % 1_000_000_000L));
    }

    /** OceanBase prints byte counts with a binary unit, e.g. {@code 1.50GB}. */
    static String display(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f%s", value, units[unit]);
    }
}
