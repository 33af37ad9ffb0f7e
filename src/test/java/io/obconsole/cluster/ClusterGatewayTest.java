package io.obconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.obconsole.demo.DemoCluster;
import io.obconsole.fleet.JobStatus;
import io.obconsole.demo.ManualClock;
import io.obconsole.demo.ReceivedStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against a demo cluster over JDBC: reads, statements as received, errors, encryption, faults. */
class ClusterGatewayTest {

    private ManualClock clock;
    private DemoCluster cluster;
    private ClusterGateway gateway;

    @BeforeEach
    void start() {
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoClusters.start(clock);
        gateway = new ClusterGateway(new ClusterPools(List.of(DemoClusters.sys("demo", cluster).withPoolSize(1))));
    }

    @AfterEach
    void stop() {
        gateway.close();
        cluster.close();
    }

    private TenantName tenant(String name) {
        return gateway.dialect("demo").tenant(name, gateway.snapshot("demo").tenantNames());
    }

    private BackupJob runningJob(String tenant) {
        return gateway.jobs("demo", 10).stream().filter(j -> j.tenantName().equals(tenant) && JobStatus.running(j)).findFirst()
                .orElseThrow();
    }

    @Test
    void snapshotListsUserTenantsWithTheirBackupState() {
        ClusterSnapshot snapshot = gateway.snapshot("demo");
        assertThat(snapshot.tenantNames()).containsExactly("mysql_tenant", "oracle_tenant", "analytics");
        TenantState mysql = snapshot.tenant("mysql_tenant").orElseThrow();
        assertThat(mysql.tenant().id()).isEqualTo(1002);
        assertThat(mysql.archive().doing()).isTrue();
        assertThat(mysql.backupDestSet()).isTrue();
        assertThat(mysql.lastFull()).isNotNull();
        assertThat(mysql.lastFull().age()).isPositive();
        assertThat(mysql.threadScore()).isZero();
        TenantState oracle = snapshot.tenant("oracle_tenant").orElseThrow();
        assertThat(oracle.tenant().mode()).isEqualTo("ORACLE");
        assertThat(oracle.lastFull()).isNull();
        TenantState analytics = snapshot.tenant("analytics").orElseThrow();
        assertThat(analytics.archive()).isEqualTo(ArchiveStatus.NONE);
        assertThat(analytics.backupDestSet()).isFalse();
        assertThat(snapshot.version()).isEqualTo("4.2.1.0");
    }

    @Test
    void runningJobCarriesItsTasksAndCounters() {
        gateway.run("demo", List.of(gateway.dialect("demo").backup(false, List.of(tenant("mysql_tenant")), false, null)));
        clock.advanceSeconds(40);
        BackupJob job = runningJob("mysql_tenant");
        assertThat(job.status()).isEqualTo("DOING");
        assertThat(job.tasks()).singleElement().satisfies(task -> {
            assertThat(task.macroBlocks()).isEqualTo(24576);
            assertThat(task.finishedMacroBlocks()).isPositive();
        });
    }

    @Test
    void tenantModeSeesOnlyItsOwnTenantThroughDbaViews() {
        try (ClusterGateway own = new ClusterGateway(new ClusterPools(List.of(
                DemoClusters.tenant("mine", cluster, "root@mysql_tenant"))))) {
            ClusterSnapshot snapshot = own.snapshot("mine");
            assertThat(snapshot.tenantNames()).containsExactly("mysql_tenant");
            assertThat(snapshot.tenants().get(0).lastFull()).isNotNull();
            ObDialect dialect = own.dialect("mine");
            own.run("mine", List.of(dialect.backup(false, List.of(dialect.tenant("mysql_tenant", snapshot.tenantNames())),
                    false, null)));
            assertThat(own.jobs("mine", 5)).filteredOn(JobStatus::running).extracting(BackupJob::tenantId)
                    .containsExactly(1002L);
        }
    }

    @Test
    void clusterReceivesTheDescriptionAsOneWellFormedLiteral() {
        String nasty = "it's `x`; DROP TABLE t; -- \\ /* c */";
        ObStatement backup = gateway.dialect("demo").backup(false, List.of(tenant("oracle_tenant")), false, nasty);
        cluster.control().resetStatements();
        gateway.run("demo", List.of(backup));
        assertThat(cluster.control().statementsReceived()).filteredOn(sql -> !sql.startsWith("SELECT @@"))
                .containsExactly(backup.sql());
        assertThat(runningJob("oracle_tenant").description()).isEqualTo(nasty);
    }

    @Test
    void oceanBaseRefusalKeepsNumberStateAndText() {
        ObStatement backup = gateway.dialect("demo").backup(false, List.of(tenant("analytics")), false, null);
        assertThatThrownBy(() -> gateway.run("demo", List.of(backup))).isInstanceOfSatisfying(ObErrorException.class, e -> {
            assertThat(e.error()).isEqualTo(new ObError(9040, "HY000",
                    "backup can not start, because log archive status is not doing."));
            assertThat(e.statement()).isEqualTo(backup);
        });
    }

    @Test
    void encryptionPasswordRunsOnADedicatedConnectionSoTheNextBackupIsUnencrypted() {
        ObDialect dialect = gateway.dialect("demo");
        List<TenantName> mysql = List.of(tenant("mysql_tenant"));
        cluster.control().resetStatements();
        gateway.run("demo", List.of(dialect.setEncryption("S3cret!".toCharArray()), dialect.backup(false, mysql, false, null)));
        assertThat(runningJob("mysql_tenant").encryptionMode()).isEqualTo("PASSWORD");
        clock.advanceSeconds(90);
        gateway.run("demo", List.of(dialect.backup(false, mysql, false, null)));

        assertThat(runningJob("mysql_tenant").encryptionMode()).isEqualTo("NONE");
        List<ReceivedStatement> received = cluster.control().statementsWithConnections().stream()
                .filter(s -> s.sql().startsWith("SET ENCRYPTION") || s.sql().startsWith("ALTER SYSTEM BACKUP")).toList();
        assertThat(received).hasSize(3);
        assertThat(received.get(1).connectionId()).isEqualTo(received.get(0).connectionId());
        assertThat(received.get(2).connectionId()).isNotEqualTo(received.get(0).connectionId());
        // the pool holds at most one connection; the dedicated one is gone
        assertThat(cluster.control().openConnections()).isLessThanOrEqualTo(1);
    }

    /** What the statement metrics show: each statement the console sent, the poller's rounds apart. */
    @Test
    void everyStatementTheConsoleSendsIsCountedOnceThePollersApart() throws Exception {
        StatementCounter counted = gateway.statements();
        gateway.jobs("demo", 10);
        cluster.control().resetStatements();
        long other = counted.other();
        long poller = counted.poller();

        gateway.jobs("demo", 10);
        List<String> sent = cluster.control().statementsReceived().stream().filter(sql -> !sql.startsWith("SELECT @@")).toList();
        assertThat(sent).isNotEmpty();
        assertThat(counted.other() - other).isEqualTo(sent.size());
        assertThat(counted.poller()).isEqualTo(poller);

        Thread round = new Thread(() -> gateway.jobs("demo", 10), StatementCounter.POLLER_THREAD_PREFIX + "demo");
        round.start();
        round.join();
        assertThat(counted.poller() - poller).isEqualTo(sent.size());
        assertThat(counted.other() - other).isEqualTo(sent.size());
    }

    @Test
    void clusterDownIsUnreachableWithTheDriversReason() {
        gateway.snapshot("demo");
        cluster.control().refuseConnections();
        assertThatThrownBy(() -> gateway.snapshot("demo")).isInstanceOfSatisfying(ClusterUnreachableException.class,
                e -> assertThat(e.reason()).isNotBlank());
        assertThat(gateway.status("demo")).isInstanceOfSatisfying(ClusterStatus.Unreachable.class,
                u -> assertThat(u.reason()).isNotBlank());
        cluster.control().recover();
        assertThat(gateway.status("demo")).isInstanceOf(ClusterStatus.Reachable.class);
    }

    @Test
    void slowClusterDoesNotHoldUpAnother() {
        try (DemoCluster slow = DemoClusters.start(clock);
                ClusterGateway both = new ClusterGateway(new ClusterPools(List.of(
                        DemoClusters.sys("slow", slow).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                        DemoClusters.sys("demo", cluster))))) {
            slow.control().slowEveryQuery(Duration.ofSeconds(5));
            long started = System.nanoTime();
            List<ClusterStatus> statuses = List.of(both.status("slow"), both.status("demo"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(statuses.get(0)).isInstanceOf(ClusterStatus.Unreachable.class);
            assertThat(statuses.get(1)).isInstanceOf(ClusterStatus.Reachable.class);
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void threadScoreForEveryTenantFollowsTheClusterVersion() {
        try (DemoCluster old = DemoClusters.start(clock, "4.2.0.0");
                ClusterGateway oldGateway = new ClusterGateway(new ClusterPools(List.of(DemoClusters.sys("old", old))))) {
            ObStatement all = oldGateway.dialect("old").setThreadScore(12, null);
            assertThat(all.sql()).endsWith("TENANT = all");
            oldGateway.run("old", List.of(all));
            assertThat(oldGateway.snapshot("old").tenants()).extracting(TenantState::threadScore).containsOnly(12);
        }
        ObStatement allUser = gateway.dialect("demo").setThreadScore(7, null);
        gateway.run("demo", List.of(allUser));
        assertThat(gateway.snapshot("demo").tenants()).extracting(TenantState::threadScore).containsOnly(7);
        assertThat(cluster.control().statementsReceived()).contains("ALTER SYSTEM SET ha_low_thread_score = 7 TENANT = all_user");
    }

    @Test
    void backupSetsOfATenantComeNewestFirstWithTheirChainSizesAndFailure() {
        ObDialect dialect = gateway.dialect("demo");
        List<TenantName> mysql = List.of(tenant("mysql_tenant"));
        gateway.run("demo", List.of(dialect.backup(false, mysql, false, null)));
        clock.advanceSeconds(300);
        gateway.run("demo", List.of(dialect.backup(true, mysql, false, null)));
        clock.advanceSeconds(300);
        cluster.control().failNextJob("mysql_tenant", -9070, "can not connect to backup destination");
        gateway.run("demo", List.of(dialect.backup(false, mysql, false, null)));
        clock.advanceSeconds(300);

        List<BackupSetFile> sets = gateway.backupSets("demo", "mysql_tenant", 10);

        assertThat(sets).extracting(BackupSetFile::backupSetId).containsExactly(4L, 3L, 2L, 1L);
        BackupSetFile failed = sets.get(0);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.fileStatus()).isEqualTo("INCOMPLETE");
        assertThat(failed.result()).isEqualTo(-9070);
        assertThat(failed.comment()).isEqualTo("can not connect to backup destination");
        BackupSetFile inc = sets.get(1);
        assertThat(inc.incremental()).isTrue();
        assertThat(inc.prevFullBackupSetId()).isEqualTo(2);
        assertThat(inc.prevIncBackupSetId()).isEqualTo(2);
        BackupSetFile full = sets.get(2);
        assertThat(full.type()).isEqualTo("FULL");
        assertThat(full.succeeded()).isTrue();
        assertThat(full.fileStatus()).isEqualTo("AVAILABLE");
        assertThat(full.elapsedSeconds()).isEqualTo(Duration.between(full.start(), full.end()).toSeconds()).isPositive();
        assertThat(sets).allSatisfy(set -> assertThat(set.tenantId()).isEqualTo(1002));
        assertThat(sets.subList(1, 4)).allSatisfy(set -> {
            assertThat(set.outputBytes()).isPositive().isEqualTo(viewColumn(set.backupSetId(), "OUTPUT_BYTES"));
            assertThat(set.inputBytes()).isEqualTo(viewColumn(set.backupSetId(), "INPUT_BYTES"));
        });
        assertThat(gateway.backupSets("demo", "mysql_tenant", 2)).extracting(BackupSetFile::backupSetId)
                .containsExactly(4L, 3L);
        assertThat(gateway.backupSets("demo", "oracle_tenant", 10)).isEmpty();
    }

    @Test
    void backupSetsOfATenantNameThatCouldCarrySqlAreRefusedBeforeAnyViewIsRead() {
        cluster.control().resetStatements();
        assertThatThrownBy(() -> gateway.backupSets("demo", "mysql_tenant' OR '1'='1", 10))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> gateway.backupSets("demo", "no_such_tenant", 10))
                .isInstanceOf(UnknownTenantException.class);
        assertThat(cluster.control().statementsReceived()).noneMatch(sql -> sql.contains("BACKUP_SET_FILES"));
    }

    @Test
    void backupSetsInTenantModeComeFromTheTenantsOwnView() {
        try (ClusterGateway own = new ClusterGateway(new ClusterPools(List.of(
                DemoClusters.tenant("mine", cluster, "root@mysql_tenant"))))) {
            cluster.control().resetStatements();
            assertThat(own.backupSets("mine", "mysql_tenant", 5)).singleElement().satisfies(set -> {
                assertThat(set.tenantId()).isEqualTo(1002);
                assertThat(set.type()).isEqualTo("FULL");
                assertThat(set.outputBytes()).isPositive();
            });
            assertThat(cluster.control().statementsReceived()).anyMatch(sql -> sql.contains("DBA_OB_BACKUP_SET_FILES"));
            assertThatThrownBy(() -> own.backupSets("mine", "oracle_tenant", 5)).isInstanceOf(UnknownTenantException.class);
        }
    }

    @Test
    void backupSetsOfAClusterThatIsDownAreUnreachable() {
        gateway.snapshot("demo");
        cluster.control().refuseConnections();
        assertThatThrownBy(() -> gateway.backupSets("demo", "mysql_tenant", 10))
                .isInstanceOfSatisfying(ClusterUnreachableException.class, e -> assertThat(e.reason()).isNotBlank());
    }

    /** A number of mysql_tenant's backup set as the demo's view holds it, read with a plain SQL client. */
    private long viewColumn(long backupSetId, String column) {
        Properties account = new Properties();
        account.setProperty("user", "root@sys");
        account.setProperty("password", "demo");
        account.setProperty("sslMode", "DISABLED");
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), account);
                ResultSet rs = c.createStatement().executeQuery("SELECT " + column
                        + " FROM oceanbase.CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1002 AND BACKUP_SET_ID = " + backupSetId)) {
            assertThat(rs.next()).as("set %d in the view", backupSetId).isTrue();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownClusterIsNamed() {
        assertThatThrownBy(() -> gateway.snapshot("nope")).isInstanceOf(UnknownClusterException.class)
                .hasMessageContaining("'nope'");
        assertThat(gateway.clusters()).isEqualTo(Set.of("demo"));
    }
}
