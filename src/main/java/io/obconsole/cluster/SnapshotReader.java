package io.obconsole.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one cluster's tenants and backup state over one connection and assembles the read model. */
final class SnapshotReader {

    private final String cluster;
    private final ObDialect dialect;
    private final Connection connection;
    private Map<Long, Tenant> tenants;
    private long ownTenantId;

    SnapshotReader(String cluster, ObDialect dialect, Connection connection) {
        this.cluster = cluster;
        this.dialect = dialect;
        this.connection = connection;
    }

    ClusterSnapshot read() throws SQLException {
        LocalDateTime now = Rows.parseTime(ClusterGateway.single(connection, dialect.clusterNow()));
        readTenants();
        List<TenantState> states = states(now, true, usableSets(now));
        return new ClusterSnapshot(cluster, dialect.mode(), dialect.version().text(), now, states, sysJobs());
    }

    /**
     * Tenants and their state without running jobs, each tenant's newest {@code setsPerTenant} backup
     * sets, and what its recoverable window is computed from: its usable sets with their SCNs and
     * its available archive pieces. Each view is read once for all tenants.
     */
    StateRound readState(int setsPerTenant) throws SQLException {
        LocalDateTime now = Rows.parseTime(ClusterGateway.single(connection, dialect.clusterNow()));
        readTenants();
        Map<Long, List<RestorableSetFile>> restorable = new LinkedHashMap<>();
        Map<Long, List<BackupSetFile>> newest = new LinkedHashMap<>();
        List<TenantSet> usable = new ArrayList<>();
        for (Map.Entry<Long, List<RestorableSetFile>> tenant : setFiles().entrySet()) {
            List<RestorableSetFile> sets = tenant.getValue();
            newest.put(tenant.getKey(), sets.stream().limit(Math.max(1, setsPerTenant)).map(RestorableSetFile::file).toList());
            List<RestorableSetFile> intact = sets.stream().filter(set -> set.file().usable()).toList();
            restorable.put(tenant.getKey(), intact);
            intact.forEach(set -> usable.add(TenantSet.of(now, set.file())));
        }
        usable.sort(Comparator.comparing((TenantSet s) -> s.set().end(), Comparator.nullsFirst(Comparator.naturalOrder())));
        List<TenantState> states = states(now, false, usable);
        return new StateRound(cluster, dialect.mode(), dialect.version().text(), now, states, sysJobs(), newest,
                restorable, pieces());
    }

    /** A usable set of a tenant, as the last FULL or INC of the tenant's state shows it. */
    private record TenantSet(long tenantId, BackupSet set) {

        static TenantSet of(LocalDateTime now, BackupSetFile file) {
            return new TenantSet(file.tenantId(), new BackupSet(file.backupSetId(), file.type(),
                    file.start(), file.end(), file.end() == null || now == null ? null : Duration.between(file.end(), now)));
        }
    }

    /** From sys, the sys tenant's open backup jobs (OceanBase refuses every new backup from sys while one is open). */
    private List<BackupJob> sysJobs() throws SQLException {
        return dialect.mode() == ClusterMode.SYS ? query(dialect.openSysJobs(), this::sysJob) : List.of();
    }

    /** {@code usable}: the tenants' usable sets ordered by end, so the last one of each type wins. */
    private List<TenantState> states(LocalDateTime now, boolean withRunning, List<TenantSet> usable) throws SQLException {
        Map<Long, ArchiveStatus> archive = archive(now);
        Map<Long, String> dests = pairs(dialect.backupDestinations(), "VALUE");
        Map<Long, String> scores = pairs(dialect.threadScores(), "VALUE");
        Map<Long, BackupSet> fulls = new HashMap<>();
        Map<Long, BackupSet> incs = new HashMap<>();
        for (TenantSet usableSet : usable) {
            ("FULL".equals(usableSet.set().type()) ? fulls : incs).put(usableSet.tenantId(), usableSet.set());
        }
        List<BackupJob> running = withRunning ? running() : List.of();
        List<TenantState> states = new ArrayList<>();
        for (Tenant tenant : tenants.values()) {
            String score = scores.get(tenant.id());
            states.add(new TenantState(tenant, archive.getOrDefault(tenant.id(), ArchiveStatus.NONE),
                    dests.getOrDefault(tenant.id(), ""), score == null ? null : Integer.valueOf(score.trim()),
                    fulls.get(tenant.id()), incs.get(tenant.id()),
                    running.stream().filter(j -> j.tenantId() == tenant.id()).toList()));
        }
        return List.copyOf(states);
    }

    /** One listed tenant's set-up: destinations (masked here), archive round, delete policy. */
    TenantSetup setup(String tenantName) throws SQLException {
        LocalDateTime now = Rows.parseTime(ClusterGateway.single(connection, dialect.clusterNow()));
        readTenants();
        String listed = dialect.tenant(tenantName, tenants.values().stream().map(Tenant::name).toList()).value();
        Tenant tenant = tenants.values().stream().filter(t -> t.name().equals(listed)).findFirst().orElseThrow();
        String dataDest = pairs(dialect.backupDestinations(), "VALUE").getOrDefault(tenant.id(), "");
        String archiveDest = pairs(dialect.archiveDestinations(), "VALUE").getOrDefault(tenant.id(), "");
        String window = pairs(dialect.deletePolicies(), "RECOVERY_WINDOW").get(tenant.id());
        return new TenantSetup(cluster, tenant, dialect.mode(), BackupDestination.mask(dataDest),
                BackupDestination.mask(archiveDest), archive(now).getOrDefault(tenant.id(), ArchiveStatus.NONE), window);
    }

    List<BackupJob> jobs(int historyLimit) throws SQLException {
        readTenants();
        List<BackupJob> jobs = new ArrayList<>(running());
        jobs.addAll(query(dialect.jobHistory(historyLimit), this::job));
        return jobs;
    }

    /** A tenant's jobs with this id, running first, then ended ones. */
    List<BackupJob> jobsWithId(long tenantId, long jobId) throws SQLException {
        readTenants();
        List<BackupJob> jobs = new ArrayList<>(query(dialect.jobsWithId(true, tenantId, jobId), this::job));
        jobs.addAll(query(dialect.jobsWithId(false, tenantId, jobId), this::job));
        return jobs;
    }

    /** The newest {@code limit} backup sets of a tenant the cluster lists, with its id bound, never written into the SQL. */
    List<BackupSetFile> backupSets(String tenantName, int limit) throws SQLException {
        readTenants();
        String listed = dialect.tenant(tenantName, tenants.values().stream().map(Tenant::name).toList()).value();
        return backupSets(tenants.values().stream().filter(t -> t.name().equals(listed)).findFirst().orElseThrow().id(),
                limit);
    }

    private List<BackupSetFile> backupSets(long tenantId, int limit) throws SQLException {
        List<BackupSetFile> sets = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(dialect.tenantBackupSets(limit))) {
            if (dialect.bindsTenantId()) {
                statement.setLong(1, tenantId);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sets.add(setFile(rs, tenantId));
                }
            }
        }
        return sets;
    }

    private static BackupSetFile setFile(ResultSet rs, long tenantId) throws SQLException {
        return new BackupSetFile(tenantId, rs.getLong("BACKUP_SET_ID"), rs.getString("BACKUP_TYPE"),
                Rows.number(rs, "PREV_FULL_BACKUP_SET_ID"), Rows.number(rs, "PREV_INC_BACKUP_SET_ID"),
                Rows.time(rs, "START_TIMESTAMP"), Rows.time(rs, "END_TIMESTAMP"), rs.getString("STATUS"),
                rs.getString("FILE_STATUS"), Rows.number(rs, "ELAPSED_SECONDES"),
                "ON".equals(rs.getString("PLUS_ARCHIVELOG")), Rows.number(rs, "INPUT_BYTES"),
                Rows.number(rs, "OUTPUT_BYTES"), Rows.number(rs, "RESULT"), rs.getString("COMMENT"), rs.getString("PATH"));
    }

    /** Every set of every listed tenant, newest first per tenant, in one statement. */
    private Map<Long, List<RestorableSetFile>> setFiles() throws SQLException {
        return byTenant(dialect.backupSetFiles(), rs -> new RestorableSetFile(setFile(rs, Rows.tenantId(rs, ownTenantId)),
                rs.getString("ENCRYPTION_MODE"), Rows.number(rs, "START_REPLAY_SCN"), Rows.number(rs, "MIN_RESTORE_SCN")),
                set -> set.file().tenantId());
    }

    /** The available archive pieces of every listed tenant, in one statement. */
    private Map<Long, List<ArchivePieceFile>> pieces() throws SQLException {
        return byTenant(dialect.archivePieces(), rs -> new ArchivePieceFile(Rows.tenantId(rs, ownTenantId),
                rs.getLong("DEST_ID"), rs.getLong("ROUND_ID"), rs.getLong("PIECE_ID"), Rows.number(rs, "START_SCN"),
                Rows.number(rs, "CHECKPOINT_SCN"), Rows.number(rs, "END_SCN"), rs.getString("FILE_STATUS")),
                ArchivePieceFile::tenantId);
    }

    /** The rows of one statement for all tenants, each listed tenant's in the statement's order (none: empty). */
    private <T> Map<Long, List<T>> byTenant(String sql, RowMapper<T> mapper, java.util.function.ToLongFunction<T> tenantOf)
            throws SQLException {
        Map<Long, List<T>> rows = new LinkedHashMap<>();
        tenants.keySet().forEach(id -> rows.put(id, new ArrayList<>()));
        for (T row : query(sql, mapper)) {
            List<T> ofTenant = rows.get(tenantOf.applyAsLong(row));
            if (ofTenant != null) {
                ofTenant.add(row);
            }
        }
        return rows;
    }

    private void readTenants() throws SQLException {
        tenants = new LinkedHashMap<>();
        for (Tenant tenant : query(dialect.userTenants(), rs -> new Tenant(rs.getLong("TENANT_ID"),
                rs.getString("TENANT_NAME"), rs.getString("COMPATIBILITY_MODE"), rs.getString("STATUS")))) {
            tenants.put(tenant.id(), tenant);
        }
        ownTenantId = tenants.size() == 1 ? tenants.keySet().iterator().next() : 0;
    }

    private Map<Long, ArchiveStatus> archive(LocalDateTime now) throws SQLException {
        Map<Long, ArchiveStatus> archive = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(dialect.archiveStatus())) {
            while (rs.next()) {
                LocalDateTime checkpoint = Rows.time(rs, "CHECKPOINT_SCN_DISPLAY");
                Duration lag = checkpoint == null || now == null ? null : Duration.between(checkpoint, now);
                archive.put(Rows.tenantId(rs, ownTenantId), new ArchiveStatus(rs.getString("STATUS"), checkpoint, lag));
            }
        }
        return archive;
    }

    private Map<Long, String> pairs(String sql, String column) throws SQLException {
        Map<Long, String> values = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.putIfAbsent(Rows.tenantId(rs, ownTenantId), rs.getString(column));
            }
        }
        return values;
    }

    /** The tenants' usable sets ordered by end (the snapshot's fresh read, which needs no more of them). */
    private List<TenantSet> usableSets(LocalDateTime now) throws SQLException {
        return query(dialect.usableBackupSets(), rs -> {
            LocalDateTime end = Rows.time(rs, "END_TIMESTAMP");
            return new TenantSet(Rows.tenantId(rs, ownTenantId), new BackupSet(rs.getLong("BACKUP_SET_ID"),
                    rs.getString("BACKUP_TYPE"), Rows.time(rs, "START_TIMESTAMP"), end,
                    end == null || now == null ? null : Duration.between(end, now)));
        });
    }

    private List<BackupJob> running() throws SQLException {
        List<BackupTask> tasks = new ArrayList<>();
        Map<BackupTask, Long> taskTenants = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(dialect.runningTasks())) {
            while (rs.next()) {
                BackupTask task = new BackupTask(rs.getLong("TASK_ID"), rs.getLong("JOB_ID"), rs.getString("STATUS"),
                        Rows.number(rs, "TABLET_COUNT"), Rows.number(rs, "FINISH_TABLET_COUNT"),
                        Rows.number(rs, "MACRO_BLOCK_COUNT"), Rows.number(rs, "FINISH_MACRO_BLOCK_COUNT"),
                        Rows.number(rs, "INPUT_BYTES"), Rows.number(rs, "OUTPUT_BYTES"));
                tasks.add(task);
                taskTenants.put(task, Rows.tenantId(rs, ownTenantId));
            }
        }
        return query(dialect.runningJobs(), this::job).stream()
                .map(job -> job.withTasks(tasks.stream()
                        .filter(t -> t.jobId() == job.jobId() && taskTenants.get(t) == job.tenantId()).toList()))
                .toList();
    }

    private BackupJob sysJob(ResultSet rs) throws SQLException {
        return job(rs, "sys");
    }

    private BackupJob job(ResultSet rs) throws SQLException {
        long tenantId = Rows.tenantId(rs, ownTenantId);
        Tenant tenant = tenants.get(tenantId);
        return job(rs, tenant == null ? String.valueOf(tenantId) : tenant.name());
    }

    private BackupJob job(ResultSet rs, String tenantName) throws SQLException {
        long tenantId = Rows.tenantId(rs, ownTenantId);
        return new BackupJob(tenantId, tenantName, rs.getLong("JOB_ID"),
                rs.getLong("INCARNATION"), rs.getLong("BACKUP_SET_ID"), rs.getLong("INITIATOR_TENANT_ID"), rs.getLong("INITIATOR_JOB_ID"),
                rs.getString("BACKUP_TYPE"), "ON".equals(rs.getString("PLUS_ARCHIVELOG")),
                rs.getString("ENCRYPTION_MODE"), Rows.time(rs, "START_TIMESTAMP"), Rows.time(rs, "END_TIMESTAMP"),
                rs.getString("STATUS"), Rows.number(rs, "RESULT"), rs.getString("COMMENT"), rs.getString("DESCRIPTION"),
                List.of());
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
