package io.obconsole.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the dialect's statements on the clusters and turns what the driver says into
 * {@link ObErrorException} (OceanBase refused) or {@link ClusterUnreachableException} (no answer).
 * A statement carrying a secret runs on a connection of its own that is closed afterwards.
 */
public class ClusterGateway implements AutoCloseable {

    private final ClusterPools pools;
    private final Map<String, ObDialect> dialects = new ConcurrentHashMap<>();
    private final ExecutorService readers;

    public ClusterGateway(ClusterPools pools) {
        this.pools = pools;
        AtomicInteger count = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "cluster-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Configured cluster names, in configuration order. */
    public Set<String> clusters() {
        return pools.names();
    }

    public ClusterSettings settings(String cluster) {
        return pools.settings(cluster);
    }

    /** The statements this gateway sent to its clusters, the poller's rounds apart. */
    public StatementCounter statements() {
        return pools.statements();
    }

    /** The dialect of a cluster; its version is asked once and remembered. */
    public ObDialect dialect(String cluster) {
        ClusterSettings settings = pools.settings(cluster);
        ObDialect known = dialects.get(cluster);
        if (known != null) {
            return known;
        }
        // not computeIfAbsent: a slow cluster must not hold a map lock another cluster's read may need
        ObDialect dialect = read(cluster, connection -> new ObDialect(cluster, settings.mode(),
                ObVersion.parse(single(connection, ObDialect.VERSION_QUERY))));
        dialects.putIfAbsent(cluster, dialect);
        return dialect;
    }

    /** The cluster's user tenants and their backup state. */
    public ClusterSnapshot snapshot(String cluster) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new SnapshotReader(cluster, dialect, connection).read());
    }

    /** The snapshot of one cluster within its deadline, as a status (never throws for an unreachable cluster). */
    public ClusterStatus status(String cluster) {
        return await(cluster, CompletableFuture.supplyAsync(() -> snapshot(cluster), readers), deadline(cluster));
    }

    private Duration deadline(String cluster) {
        ClusterSettings settings = pools.settings(cluster);
        return settings.connectTimeout().plus(settings.queryTimeout());
    }

    private static ClusterStatus await(String cluster, CompletableFuture<ClusterSnapshot> read, Duration deadline) {
        try {
            return new ClusterStatus.Reachable(cluster, read.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            read.cancel(true);
            return new ClusterStatus.Unreachable(cluster, "no answer within " + deadline.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClusterStatus.Unreachable(cluster, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof ClusterUnreachableException unreachable) {
                return new ClusterStatus.Unreachable(cluster, unreachable.reason());
            }
            if (e.getCause() instanceof ObErrorException refused) {
                return new ClusterStatus.Unreachable(cluster, "OceanBase error " + refused.error().code() + ": "
                        + refused.error().text());
            }
            throw new IllegalStateException("reading cluster " + cluster + " failed", e.getCause());
        }
    }

    /** The fleet's slower read: tenants and their state, and each tenant's newest {@code setsPerTenant} backup sets. */
    public StateRound state(String cluster, int setsPerTenant) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new SnapshotReader(cluster, dialect, connection).readState(setsPerTenant));
    }

    /** Running jobs (with their tasks) and the newest {@code historyLimit} ended jobs of user tenants. */
    public List<BackupJob> jobs(String cluster, int historyLimit) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new SnapshotReader(cluster, dialect, connection).jobs(historyLimit));
    }

    /**
     * A tenant's jobs with this id, running or ended (several when the cluster numbered its jobs
     * from the start again); empty when the cluster no longer knows any.
     *
     * @throws ClusterUnreachableException if the cluster does not answer
     */
    public List<BackupJob> jobsWithId(String cluster, long tenantId, long jobId) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new SnapshotReader(cluster, dialect, connection).jobsWithId(tenantId, jobId));
    }

    /**
     * The newest {@code limit} backup sets of one tenant, successful or not, newest first.
     *
     * @throws UnknownTenantException      if the cluster does not list the tenant
     * @throws ClusterUnreachableException if the cluster does not answer
     */
    public List<BackupSetFile> backupSets(String cluster, String tenant, int limit) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new SnapshotReader(cluster, dialect, connection).backupSets(tenant, limit));
    }

    /**
     * One tenant's backup set-up as OceanBase holds it now, credentials masked.
     *
     * @throws UnknownTenantException      if the cluster does not list the tenant
     * @throws ClusterUnreachableException if the cluster does not answer
     */
    public TenantSetup setup(String cluster, String tenant) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new SnapshotReader(cluster, dialect, connection).setup(tenant));
    }

    /** The cluster's resource pools with their units' sizes (sys only). */
    public List<ResourcePool> resourcePools(String cluster) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new RestoreReader(cluster, dialect, connection).pools());
    }

    /** Each observer's room for units, from GV$OB_SERVERS (sys only). */
    public List<ServerCapacity> serverCapacity(String cluster) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new RestoreReader(cluster, dialect, connection).servers());
    }

    /** The names of the cluster's resource units (sys only). */
    public List<String> resourceUnits(String cluster) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new RestoreReader(cluster, dialect, connection).units());
    }

    /**
     * Where a tenant's backups lie, read now (sys only).
     *
     * @throws UnknownTenantException if the cluster does not list the tenant
     */
    public RestoreSource restoreSource(String cluster, String tenant) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new RestoreReader(cluster, dialect, connection).source(tenant));
    }

    /**
     * {@code before} (SET DECRYPTION), the PREVIEW, then SHOW RESTORE PREVIEW, on a connection of
     * their own (the preview and any password are session variables, gone when it closes). Each row
     * as {backup_type, backup_id, backup_dest masked, description}.
     *
     * @throws ObErrorException OceanBase's refusal (9119 outside the window, 9026, 9047, ...), its text unmasked
     */
    public List<List<String>> restorePreview(String cluster, List<ObStatement> before, ObStatement preview) {
        ObDialect dialect = dialect(cluster);
        List<ObStatement> statements = new ArrayList<>(before);
        statements.add(preview);
        ObStatement current = null;
        try (Connection connection = pools.dedicated(cluster)) {
            if (statements.stream().anyMatch(ObStatement::secret) && settings(cluster).tls().requiredForPasswords()
                    && !ClusterPools.encrypted(connection)) {
                throw new UnencryptedConnectionException(cluster);
            }
            for (ObStatement statement : statements) {
                current = statement;
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                }
            }
            current = preview;
            List<List<String>> rows = new ArrayList<>();
            try (Statement jdbc = connection.createStatement();
                    ResultSet rs = jdbc.executeQuery(dialect.showRestorePreview())) {
                while (rs.next()) {
                    rows.add(List.of(rs.getString(1), rs.getString(2), BackupDestination.mask(rs.getString(3)),
                            rs.getString(4) == null ? "" : rs.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw translate(cluster, e, current);
        }
    }

    /** The restores running now (sys only), one row per job, without the progress columns. */
    public List<RestoreRow> runningRestores(String cluster) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new RestoreReader(cluster, dialect, connection).running(false));
    }

    /** A user tenant's TENANT_ROLE read now; empty when the cluster lists no such tenant. */
    public java.util.Optional<String> tenantRole(String cluster, String tenant) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new RestoreReader(cluster, dialect, connection).role(tenant));
    }

    /** A user tenant's id, STATUS and TENANT_ROLE read now; empty when the cluster lists no such tenant. */
    public java.util.Optional<TenantRole> tenant(String cluster, String tenant) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> new RestoreReader(cluster, dialect, connection).tenant(tenant));
    }

    /**
     * Runs statements in order on a connection opened for this call alone and closed afterwards,
     * whose reads may take {@code longest}: a RESTORE answers only once the new tenant exists (up
     * to ten minutes), and SET DECRYPTION before it must be a variable of the same session.
     */
    public void runOnOwnConnection(String cluster, List<ObStatement> statements, Duration longest) {
        run(cluster, statements, () -> pools.dedicated(cluster, longest));
    }

    private void run(String cluster, List<ObStatement> statements, ConnectionSource source) {
        boolean secret = statements.stream().anyMatch(ObStatement::secret);
        ObStatement current = null;
        try (Connection connection = source.open()) {
            if (secret && settings(cluster).tls().requiredForPasswords() && !ClusterPools.encrypted(connection)) {
                throw new UnencryptedConnectionException(cluster);
            }
            for (ObStatement statement : statements) {
                current = statement;
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                }
            }
        } catch (SQLException e) {
            throw translate(cluster, e, current);
        }
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** The cluster's own clock (jobs carry cluster time, which need not be the console's). */
    public LocalDateTime now(String cluster) {
        ObDialect dialect = dialect(cluster);
        return read(cluster, connection -> Rows.parseTime(single(connection, dialect.clusterNow())));
    }

    /**
     * Runs statements in order on one connection: a pooled one, or, if any carries a secret, one
     * opened for this call alone and closed afterwards, so the session's secret dies with it.
     */
    public void run(String cluster, List<ObStatement> statements) {
        boolean secret = statements.stream().anyMatch(ObStatement::secret);
        run(cluster, statements, () -> secret ? pools.dedicated(cluster) : pools.borrow(cluster));
    }

    /**
     * Whether an encryption password sent now would travel encrypted: known from the settings
     * unless TLS is only preferred, then asked of a connection opened as the password's would be.
     */
    public boolean passwordsTravelEncrypted(String cluster) {
        ClusterTls tls = settings(cluster).tls();
        if (tls.mode() != ClusterTls.Mode.PREFERRED) {
            return tls.mode().alwaysEncrypted();
        }
        try (Connection connection = pools.dedicated(cluster)) {
            return ClusterPools.encrypted(connection);
        } catch (SQLException e) {
            throw translate(cluster, e, null);
        }
    }

    /** Runs a read on a pooled connection. */
    <T> T read(String cluster, SqlWork<T> work) {
        try (Connection connection = pools.borrow(cluster)) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw translate(cluster, e, null);
        }
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** OceanBase's refusal keeps its number and text; anything about the connection means unreachable. */
    static RuntimeException translate(String cluster, SQLException e, ObStatement statement) {
        if (connectionProblem(e)) {
            return new ClusterUnreachableException(cluster, reason(e), e);
        }
        return new ObErrorException(new ObError(e.getErrorCode(), e.getSQLState(), e.getMessage()), statement);
    }

    private static boolean connectionProblem(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || (state != null && state.startsWith("08"))
                || e.getErrorCode() == 0;
    }

    /** The driver's first line, and the underlying cause (e.g. "Connection refused") when it adds something. */
    private static String reason(SQLException e) {
        String first = firstLine(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root == e ? null : firstLine(root.getMessage());
        return cause == null || first.contains(cause) ? first : first + " (" + cause + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no details from the driver";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    @Override
    public void close() {
        readers.shutdownNow();
        pools.close();
    }

    /** Work on a connection that may throw what JDBC throws. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
