package io.obconsole.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress poller's one fixed round per cluster (its SQL written by the cluster's {@link ObDialect}):
 * cluster clock, user tenants, running tasks, running jobs, jobs ended since a watermark, and from
 * sys the restores (progress and history). The same statements whatever the number of people watching.
 */
@ApplicationScoped
public class ProgressQueries {

    /** MySQL error "Unknown column": a cluster whose task view has no RETRY_ID. */
    private static final int UNKNOWN_COLUMN = 1054;

    private final ClusterGateway gateway;
    /** Clusters whose task view lacks RETRY_ID (__all_backup_task has it; not every release's view shows it). */
    private final Map<String, Boolean> withoutRetryColumn = new ConcurrentHashMap<>();
    /** Clusters whose CDB_OB_RESTORE_PROGRESS lacks RESTORE_PROGRESS and its siblings (before 4.2.1 BP7 / 4.2.3). */
    private final Map<String, Boolean> withoutRestoreProgressColumns = new ConcurrentHashMap<>();

    @Inject
    public ProgressQueries(ClusterGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * One round on one pooled connection.
     *
     * @param endedSince jobs that ended at or after this cluster time are read from the history;
     *                   {@code null} on the first round (then the newest {@code endedLimit} ended jobs)
     */
    public ProgressRound poll(String cluster, LocalDateTime endedSince, int endedLimit) {
        ObDialect dialect = gateway.dialect(cluster);
        return gateway.read(cluster, connection -> round(cluster, dialect, connection, endedSince, endedLimit));
    }

    private ProgressRound round(String cluster, ObDialect dialect, Connection connection, LocalDateTime endedSince,
            int endedLimit) throws SQLException {
        boolean sys = dialect.mode() == ClusterMode.SYS;
        LocalDateTime now = Rows.parseTime(ClusterGateway.single(connection, dialect.clusterNow()));
        Map<Long, String> tenants = tenants(connection, dialect);
        long own = !sys && tenants.size() == 1 ? tenants.keySet().iterator().next() : 0;
        Map<String, Integer> retries = new HashMap<>();
        Map<String, List<BackupTask>> tasks = tasks(cluster, dialect, connection, own, retries);
        List<BackupJob> running = new ArrayList<>();
        for (BackupJob job : jobs(connection, dialect.runningJobs(), tenants, own)) {
            running.add(job.withTasks(tasks.getOrDefault(ProgressRound.jobId(job.tenantId(), job.jobId()), List.of())));
        }
        List<BackupJob> ended = jobs(connection, dialect.jobsEndedSince(endedSince, endedLimit), tenants, own);
        List<RestoreRow> restores = sys ? restores(cluster, dialect, connection, endedLimit) : List.of();
        return new ProgressRound(cluster, now, running, ended, retries, restores);
    }

    /** Running restores, then the newest ended ones (a job in both, ending between the reads, counts as ended). */
    private List<RestoreRow> restores(String cluster, ObDialect dialect, Connection connection, int endedLimit)
            throws SQLException {
        RestoreReader reader = new RestoreReader(cluster, dialect, connection);
        boolean progressColumns = !withoutRestoreProgressColumns.containsKey(cluster);
        List<RestoreRow> running;
        try {
            running = reader.running(progressColumns);
        } catch (SQLException e) {
            if (!progressColumns || e.getErrorCode() != UNKNOWN_COLUMN) {
                throw e;
            }
            withoutRestoreProgressColumns.put(cluster, true);
            running = reader.running(false);
        }
        List<RestoreRow> ended = reader.ended(endedLimit);
        List<RestoreRow> all = new ArrayList<>(ended);
        running.stream().filter(r -> ended.stream().noneMatch(e -> e.jobId() == r.jobId())).forEach(all::add);
        return all;
    }

    private static Map<Long, String> tenants(Connection connection, ObDialect dialect) throws SQLException {
        Map<Long, String> tenants = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(dialect.userTenants())) {
            while (rs.next()) {
                tenants.put(rs.getLong("TENANT_ID"), rs.getString("TENANT_NAME"));
            }
        }
        return tenants;
    }

    private Map<String, List<BackupTask>> tasks(String cluster, ObDialect dialect, Connection connection, long own,
            Map<String, Integer> retries) throws SQLException {
        boolean retryColumn = !withoutRetryColumn.containsKey(cluster);
        try {
            return tasks(connection, dialect.runningTasks(retryColumn), own, retryColumn, retries);
        } catch (SQLException e) {
            if (!retryColumn || e.getErrorCode() != UNKNOWN_COLUMN) {
                throw e;
            }
            withoutRetryColumn.put(cluster, true);
            return tasks(connection, dialect.runningTasks(false), own, false, retries);
        }
    }

    private static Map<String, List<BackupTask>> tasks(Connection connection, String sql, long own, boolean retryColumn,
            Map<String, Integer> retries) throws SQLException {
        Map<String, List<BackupTask>> tasks = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String job = ProgressRound.jobId(Rows.tenantId(rs, own), rs.getLong("JOB_ID"));
                tasks.computeIfAbsent(job, k -> new ArrayList<>()).add(new BackupTask(rs.getLong("TASK_ID"),
                        rs.getLong("JOB_ID"), rs.getString("STATUS"), Rows.number(rs, "TABLET_COUNT"),
                        Rows.number(rs, "FINISH_TABLET_COUNT"), Rows.number(rs, "MACRO_BLOCK_COUNT"),
                        Rows.number(rs, "FINISH_MACRO_BLOCK_COUNT"), Rows.number(rs, "INPUT_BYTES"),
                        Rows.number(rs, "OUTPUT_BYTES")));
                if (retryColumn) {
                    retries.merge(job, (int) Rows.number(rs, "RETRY_ID"), Math::max);
                }
            }
        }
        return tasks;
    }

    private static List<BackupJob> jobs(Connection connection, String sql, Map<Long, String> tenants, long own)
            throws SQLException {
        List<BackupJob> jobs = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                long tenantId = Rows.tenantId(rs, own);
                jobs.add(new BackupJob(tenantId, tenants.getOrDefault(tenantId, String.valueOf(tenantId)),
                        rs.getLong("JOB_ID"), rs.getLong("INCARNATION"), rs.getLong("BACKUP_SET_ID"), rs.getLong("INITIATOR_TENANT_ID"),
                        rs.getLong("INITIATOR_JOB_ID"), rs.getString("BACKUP_TYPE"),
                        "ON".equals(rs.getString("PLUS_ARCHIVELOG")), rs.getString("ENCRYPTION_MODE"),
                        Rows.time(rs, "START_TIMESTAMP"), Rows.time(rs, "END_TIMESTAMP"), rs.getString("STATUS"),
                        Rows.number(rs, "RESULT"), rs.getString("COMMENT"), rs.getString("DESCRIPTION"), List.of()));
            }
        }
        return jobs;
    }
}
