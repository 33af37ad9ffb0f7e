package io.obconsole.testing;

import static org.awaitility.Awaitility.await;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.DemoControl;
import io.obconsole.demo.DemoSql;
import io.obconsole.demo.ManualClock;
import io.obconsole.demo.launch.EmbeddedServices;
import io.obconsole.progress.ProgressPoller;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The demo cluster and audit database the console started for the tests, for faults, time and a SQL client. */
public final class Demo {

    private Demo() {
    }

    public static DemoCluster cluster() {
        return services().demoCluster();
    }

    /** A cluster of the demo fleet by its console name: {@code demo}, {@code legacy} or {@code payroll}. */
    public static DemoCluster cluster(String name) {
        return services().demoFleet().cluster(name);
    }

    /** The demo cluster's clock: in the test profile time moves only when a test advances it. */
    public static ManualClock clock() {
        return services().manualClock().orElseThrow(() -> new IllegalStateException("demo clock is not manual"));
    }

    /**
     * The fleet read model reads the demo cluster now (progress and the slower state), as the
     * poller would on its next rounds: pages and the API show what a test just did there.
     */
    public static void fleetRead() {
        fleetRead("demo");
    }

    /** The same for another cluster of the demo fleet. */
    public static void fleetRead(String cluster) {
        try {
            Arc.container().instance(ProgressPoller.class).get().refreshNow(cluster).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the fleet did not read the demo fleet's cluster " + cluster, e);
        }
    }

    /**
     * {@code dr}, the cluster other clusters' tenants are restored into, as its scenario starts it (no
     * restored tenant, no free pool), read again, and nothing it received remembered.
     */
    /** mysql_tenant's data and archive destinations, where any cluster reading the shared storage finds them. */
    public static final String MYSQL_DATA_URI = "file:///data/backup/mysql_tenant";
    public static final String MYSQL_ARCHIVE_URI = "file:///data/archive/mysql_tenant";

    /** The demo's drill cluster, of the version that has RESTORE PREVIEW and no user tenant. */
    public static DemoControl dr() {
        return cluster("dr").control();
    }

    /**
     * The demo cluster as its scenario starts (its seeded, unencrypted sets the newest), whatever
     * earlier classes did to it, read by the fleet again.
     */
    public static void restartFromScenario() {
        services().restartDemoCluster(false);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            fleetRead();
            return Arc.container().instance(io.obconsole.fleet.Fleet.class).get().cluster("demo").reachable();
        });
    }

    public static void resetDr() {
        DemoControl dr = dr();
        dr.forgetRestores();
        fleetRead("dr");
        dr.resetStatements();
    }

    public static EmbeddedServices services() {
        return EmbeddedServices.running();
    }

    /**
     * Puts the demo cluster back as its scenario starts: reachable, every tenant NORMAL with the
     * default concurrency, mysql_tenant and oracle_tenant archiving with a destination, analytics
     * neither, no job running (demo time moves on until they end), no restore or restored tenant, the
     * newest backup set of mysql_tenant and oracle_tenant taken without a password (a fresh full backup
     * when a class before left an encrypted one), the fleet read model up to date, no statement remembered. A test
     * class calls it before each test instead of relying on what the classes before it left.
     */
    public static void reset() {
        DemoControl control = cluster().control();
        control.recover();
        control.forgetRestores();
        for (String tenant : List.of("mysql_tenant", "oracle_tenant", "analytics")) {
            control.unstall(tenant);
            control.setTenantStatus(tenant, "NORMAL");
            control.setThreadScore(tenant, 0);
        }
        control.setArchive("mysql_tenant", "DOING");
        control.setArchive("oracle_tenant", "DOING");
        control.setArchive("analytics", "STOP");
        control.setBackupDest("mysql_tenant", "file:///data/backup/mysql_tenant");
        control.setBackupDest("oracle_tenant", "file:///data/backup/oracle_tenant");
        control.setBackupDest("analytics", "");
        clock().advanceSeconds(600);
        for (String tenant : List.of("mysql_tenant", "oracle_tenant")) {
            if (newestSetEncrypted(tenant)) {
                freshFullBackup(tenant);
            }
        }
        fleetRead();
        control.resetStatements();
    }

    /**
     * Whether a set the tenant's latest point restores from was taken with a backup password: a class
     * before may have left it so, and then every restore of the tenant's latest point needs it.
     */
    private static boolean newestSetEncrypted(String tenant) {
        List<Map<String, Object>> ids = query("SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = '"
                + tenant + "'");
        if (ids.isEmpty()) {
            return false;
        }
        List<Map<String, Object>> sets = query("SELECT BACKUP_TYPE, ENCRYPTION_MODE FROM oceanbase.CDB_OB_BACKUP_SET_FILES"
                + " WHERE TENANT_ID = " + ids.get(0).get("TENANT_ID") + " AND STATUS = 'SUCCESS' ORDER BY BACKUP_SET_ID DESC");
        // the latest point restores from the newest full set and the incremental ones after it
        for (Map<String, Object> set : sets) {
            if ("PASSWORD".equals(set.get("ENCRYPTION_MODE"))) {
                return true;
            }
            if ("FULL".equals(set.get("BACKUP_TYPE"))) {
                return false;
            }
        }
        return false;
    }

    /**
     * A FULL backup of a demo tenant taken now, without a backup password, run to its end and read by
     * the fleet; no statement remembered. Classes before may have left an encrypted set as the tenant's
     * newest and moved the demo's clock on by days: after this its latest point restores without a
     * password and its backups are fresh.
     */
    public static void freshFullBackup(String tenant) {
        Object id = query("SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = '" + tenant + "'").get(0)
                .get("TENANT_ID");
        sql("ALTER SYSTEM BACKUP TENANT = " + tenant);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock().advanceSeconds(60);
            return query("SELECT JOB_ID FROM oceanbase.CDB_OB_BACKUP_JOBS WHERE TENANT_ID = " + id).isEmpty();
        });
        Object status = query("SELECT STATUS FROM oceanbase.CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = " + id
                + " ORDER BY BACKUP_SET_ID DESC LIMIT 1").get(0).get("STATUS");
        if (!"SUCCESS".equals(status)) {
            throw new IllegalStateException("The fresh full backup of " + tenant + " ended " + status);
        }
        fleetRead();
        cluster().control().resetStatements();
    }

    /** Runs a statement on the demo cluster as an administrator at a terminal would, as {@code root@sys}. */
    public static void sql(String statement) {
        sqlAs("root@sys", statement);
    }

    /** The same, signed in as another account (e.g. a tenant's own administrator, {@code root@mysql_tenant}). */
    public static void sqlAs(String account, String statement) {
        sqlOn("demo", account, statement);
    }

    /** The same on another cluster of the demo fleet (e.g. {@code payroll} as {@code root@payroll}). */
    public static void sqlOn(String cluster, String account, String statement) {
        try (Connection c = DemoSql.connect(cluster(cluster), account)) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The rows a query answers as {@code root@sys}, each column by its label (values as text). */
    public static List<Map<String, Object>> query(String sql) {
        try (Connection c = connect("root@sys")) {
            return DemoSql.rows(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The rows a query answers on another cluster of the demo fleet, signed in as {@code account}. */
    public static List<Map<String, Object>> queryOn(String cluster, String account, String sql) {
        try (Connection c = DemoSql.connect(cluster(cluster), account)) {
            return DemoSql.rows(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Connection connect(String account) throws SQLException {
        return DemoSql.connect(cluster(), account);
    }
}
