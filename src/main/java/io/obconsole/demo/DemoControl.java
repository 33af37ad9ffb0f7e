package io.obconsole.demo;

import io.obconsole.demo.engine.Engine;
import io.obconsole.demo.wire.MySqlServer;
import java.time.Duration;
import java.util.List;

/**
 * The levers of a running demo cluster: what tests (and a demo operator) use to put the cluster
 * into every situation a console must handle — failed, stalled and slow jobs, archive and tenant
 * states, a cluster that is down — and to see what the console actually sent.
 */
public final class DemoControl {

    /** After the OK of {@code CALL demo.unreachable(n)} has gone out, the cluster goes down. */
    private static final Duration ANSWER_FIRST = Duration.ofMillis(50);

    private final Engine engine;
    private final MySqlServer server;
    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "demo-cluster-timer");
                thread.setDaemon(true);
                return thread;
            });

    DemoControl(Engine engine, MySqlServer server) {
        this.engine = engine;
        this.server = server;
        engine.onUnreachable(this::unreachableFor);
    }

    /** The tenant's next backup job fails: -9070 (backup destination unreachable) at once, -4009 (IO error) half-way after two retries. */
    public void failNextJob(String tenant, int result, String comment) {
        engine.failNextJob(tenant, result, comment);
    }

    /** The tenant's running (and later) jobs stop moving until {@link #unstall}. */
    /** The next restore fails in its background phase (half-way through its data) with this COMMENT. */
    public void failNextRestore(String comment) {
        engine.failNextRestore(comment);
    }

    /** Drops what restores made (tenants, free pools, unused units) and their jobs: the scenario's start. */
    public void forgetRestores() {
        engine.forgetRestores();
    }

    public void stallJob(String tenant) {
        engine.stall(tenant);
    }

    public void unstall(String tenant) {
        engine.unstall(tenant);
    }

    /** Every statement waits this long before it is answered. */
    public void slowEveryQuery(Duration delay) {
        if (server != null) {
            server.setQueryDelay(delay);
        } else {
            engine.setQueryDelay(delay);
        }
    }

    public void dropAllConnections() {
        requireServer().dropAllConnections();
    }

    /** The cluster is down: connections are refused (open ones are dropped). */
    public void refuseConnections() {
        MySqlServer s = requireServer();
        s.refuseConnections(true);
        s.dropAllConnections();
    }

    /** The cluster is down for {@code duration} (connections refused, open ones dropped), then back by itself. */
    public void unreachableFor(Duration duration) {
        requireServer();
        timer.schedule(this::refuseConnections, ANSWER_FIRST.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        timer.schedule(this::recover, ANSWER_FIRST.plus(duration).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void close() {
        timer.shutdownNow();
    }

    /** The cluster is back up. */
    public void recover() {
        requireServer().refuseConnections(false);
    }

    public int openConnections() {
        return requireServer().openConnections();
    }

    /** The SQL texts received since the last {@link #resetStatements()}, in order. */
    public List<String> statementsReceived() {
        return engine.statementsReceived().stream().map(ReceivedStatement::sql).toList();
    }

    /** The same with the connection each came on. */
    public List<ReceivedStatement> statementsWithConnections() {
        return engine.statementsReceived();
    }

    public void resetStatements() {
        engine.resetStatements();
    }

    /** Archive status straight away (DOING, STOP, INTERRUPTED, BEGINNING, ...); a round is created if none. */
    public void setArchive(String tenant, String status) {
        engine.setArchive(tenant, status);
    }

    /** Tenant status (NORMAL, CREATING, DROPPING, RESTORE). */
    public void setTenantStatus(String tenant, String status) {
        engine.setTenantStatus(tenant, status);
    }

    /** data_backup_dest; empty or null unsets it. */
    public void setBackupDest(String tenant, String dest) {
        engine.setBackupDest(tenant, dest);
    }

    public void setThreadScore(String tenant, int score) {
        engine.setThreadScore(tenant, score);
    }

    /** log_archive_dest (the URI after LOCATION=); empty or null unsets it. */
    public void setLogArchiveDest(String tenant, String dest) {
        engine.setLogArchiveDest(tenant, dest);
    }

    /** The tenant never archived: its archive rounds are gone (as the demo starts analytics). */
    public void clearArchive(String tenant) {
        engine.clearArchive(tenant);
    }

    /** The RECOVERY_WINDOW of the tenant's delete policy 'default'; null drops it. */
    public void setDeletePolicy(String tenant, String recoveryWindow) {
        engine.setDeletePolicy(tenant, recoveryWindow);
    }

    /** Files not written by OceanBase lie at this destination: setting it answers 9080. */
    public void putForeignFiles(String uri) {
        engine.putForeignFiles(uri);
    }

    private MySqlServer requireServer() {
        if (server == null) {
            throw new IllegalStateException("this demo cluster runs without a network server");
        }
        return server;
    }

    /** Stops (false) or resumes (true) offering TLS to new connections, as a cluster whose TLS was switched off. */
    public void offerTls(boolean offer) {
        server.offerTls(offer ? DemoTls.forDemo().serverContext() : null);
    }
}
