package io.obconsole.demo.engine;

import io.obconsole.demo.DemoConfig;
import io.obconsole.demo.ReceivedStatement;
import io.obconsole.demo.sql.SessionFactory;
import io.obconsole.demo.sql.SqlError;
import io.obconsole.demo.sql.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OceanBase behaviour of the demo cluster behind the wire protocol: accounts, sessions, and
 * the levers tests pull (faults, stalls, archive and tenant states). The only public type of the
 * engine; {@code io.obconsole.demo.DemoControl} wraps its levers for tests.
 */
public final class Engine implements SessionFactory, AutoCloseable {

    private final DemoConfig config;
    private final Cluster cluster;
    private final ViewStore views;
    private final AtomicLong connectionIds = new AtomicLong();
    private final List<ReceivedStatement> received = new ArrayList<>();
    private volatile Duration queryDelay = Duration.ZERO;
    private volatile java.util.function.Consumer<Duration> unreachable = d -> {
        throw new IllegalStateException("this demo cluster runs without a network server");
    };

    /** A cluster with a backup storage of its own. */
    public Engine(DemoConfig config) {
        this(config, new SharedStorage());
    }

    /** A cluster of a fleet: it reads and writes the fleet's one backup storage. */
    public Engine(DemoConfig config, SharedStorage storage) {
        this.config = config;
        this.cluster = new Cluster(config, storage);
        try {
            this.views = new ViewStore(cluster);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the demo cluster's view database", e);
        }
    }

    Cluster cluster() {
        return cluster;
    }

    ViewStore views() {
        return views;
    }

    // ---- SessionFactory

    @Override
    public Optional<Account> account(String userName) {
        String name = userName.contains("#") ? userName.substring(0, userName.indexOf('#')) : userName;
        // a bare user name signs in to sys, as on an observer
        String account = name.contains("@") ? name : name + "@sys";
        String user = account.substring(0, account.indexOf('@'));
        String tenantName = account.substring(account.indexOf('@') + 1);
        Optional<Tenant> tenant = cluster.tenant(tenantName).filter(t -> t.type != Tenant.Type.META);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        String canonical = user + "@" + tenant.get().name;
        boolean known = user.equals("root") || config.readOnlyAccounts().contains(canonical);
        if (!known) {
            return Optional.empty();
        }
        return Optional.of(new Account(user, tenant.get().name, config.passwordOf(canonical)));
    }

    /** Every account of the running cluster, as {@code user@tenant}. */
    public List<String> accounts() {
        List<String> accounts = new ArrayList<>();
        for (Tenant tenant : cluster.tenants) {
            if (tenant.type != Tenant.Type.META) {
                accounts.add("root@" + tenant.name);
            }
        }
        config.readOnlyAccounts().stream()
                .filter(a -> cluster.tenant(a.substring(a.indexOf('@') + 1)).isPresent())
                .forEach(accounts::add);
        return accounts;
    }

    @Override
    public SqlSession open(Account account, String schema) throws SqlError {
        Tenant tenant = cluster.tenant(account.tenant()).orElseThrow(Errors::unknownTenant);
        boolean readOnly = config.readOnlyAccounts().contains(account.user() + "@" + tenant.name);
        return new EngineSession(this, tenant, account.user(), !readOnly, connectionIds.incrementAndGet(), schema);
    }

    void received(long connectionId, String account, String sql) {
        synchronized (received) {
            received.add(new ReceivedStatement(connectionId, account, sql));
        }
    }

    /** The slowness a test asked for, plus what the latency profile gives this statement. */
    void delayQuery(String sql) {
        Duration delay = queryDelay.plus(config.latency().of(sql));
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- levers for tests and the demo

    /** How the network side makes the cluster unreachable for a while (set by the server that serves this engine). */
    public void onUnreachable(java.util.function.Consumer<Duration> action) {
        unreachable = action;
    }

    void unreachableFor(Duration duration) {
        unreachable.accept(duration);
    }

    public List<ReceivedStatement> statementsReceived() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public void resetStatements() {
        synchronized (received) {
            received.clear();
        }
    }

    public void setQueryDelay(Duration delay) {
        queryDelay = delay;
    }

    /** The tenant's next job fails with {@code result} (-9070 at once, -4009 half-way after two retries). */
    public void failNextJob(String tenant, long result, String comment) {
        update(tenant, t -> t.nextFailure = new Tenant.Failure(result, comment));
    }

    /** The next restore fails half-way through its data, with {@code comment} in CDB_OB_RESTORE_HISTORY. */
    public void failNextRestore(String comment) {
        synchronized (cluster) {
            cluster.advance();
            cluster.restores.nextFailure = comment;
            cluster.changed();
        }
    }

    /**
     * Puts restores back as the scenario starts: the tenants restores created are gone, with every
     * free pool and unused unit, and no restore is running or in the history (job ids go on).
     */
    public void forgetRestores() {
        synchronized (cluster) {
            cluster.advance();
            cluster.restores.forget();
            cluster.changed();
        }
    }

    /** The tenant's sets and archive become years of history (see {@link LongHistory}). */
    public void longHistory(String tenant, int sets, int pieces) {
        update(tenant, t -> LongHistory.seed(cluster, t, sets, pieces));
    }

    public void stall(String tenant) {
        update(tenant, t -> t.stalled = true);
    }

    public void unstall(String tenant) {
        update(tenant, t -> t.stalled = false);
    }

    public void setTenantStatus(String tenant, String status) {
        update(tenant, t -> t.status = status.toUpperCase(Locale.ROOT));
    }

    public void setBackupDest(String tenant, String dest) {
        update(tenant, t -> t.dataBackupDest = dest == null ? "" : dest);
    }

    public void setLogArchiveDest(String tenant, String dest) {
        update(tenant, t -> t.logArchiveDest = dest == null ? "" : dest);
    }

    public void clearArchive(String tenant) {
        update(tenant, t -> t.archiveRounds.clear());
    }

    public void setDeletePolicy(String tenant, String recoveryWindow) {
        update(tenant, t -> t.deletePolicyWindow = recoveryWindow);
    }

    public void putForeignFiles(String uri) {
        synchronized (cluster) {
            cluster.storage.putForeignFiles(uri);
            cluster.changed();
        }
    }

    public void setThreadScore(String tenant, int score) {
        update(tenant, t -> t.haLowThreadScore = score);
    }

    /** Puts a tenant's archive straight into a status (DOING, STOP, INTERRUPTED, ...) without transitions. */
    public void setArchive(String tenant, String status) {
        Tenant target = existing(tenant);
        cluster.forceArchive(target, status.toUpperCase(Locale.ROOT));
    }

    private void update(String tenant, java.util.function.Consumer<Tenant> change) {
        Tenant target = existing(tenant);
        synchronized (cluster) {
            // time up to now ran under the old state; the change applies from now on
            cluster.advance();
            change.accept(target);
            cluster.changed();
        }
    }

    private Tenant existing(String tenant) {
        return cluster.tenant(tenant).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenant));
    }

    @Override
    public void close() {
        cluster.storage.release();
        views.close();
    }
}
