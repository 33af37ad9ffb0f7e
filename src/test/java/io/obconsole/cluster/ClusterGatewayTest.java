package io.obconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.ManualClock;
import io.obconsole.demo.ReceivedStatement;
import java.time.Duration;
import java.util.List;
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
        return gateway.jobs("demo", 10).stream().filter(j -> j.tenantName().equals(tenant) && j.running()).findFirst()
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
            assertThat(own.jobs("mine", 5)).filteredOn(BackupJob::running).extracting(BackupJob::tenantId)
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

    @Test
    void clusterDownIsUnreachableWithTheDriversReason() {
        gateway.snapshot("demo");
        cluster.control().refuseConnections();
        assertThatThrownBy(() -> gateway.snapshot("demo")).isInstanceOfSatisfying(ClusterUnreachableException.class,
                e -> assertThat(e.reason()).isNotBlank());
        assertThat(gateway.overview()).singleElement().isInstanceOfSatisfying(ClusterStatus.Unreachable.class,
                u -> assertThat(u.reason()).isNotBlank());
        cluster.control().recover();
        assertThat(gateway.overview()).singleElement().isInstanceOf(ClusterStatus.Reachable.class);
    }

    @Test
    void slowClusterDoesNotHoldUpAnother() {
        try (DemoCluster slow = DemoClusters.start(clock);
                ClusterGateway both = new ClusterGateway(new ClusterPools(List.of(
                        DemoClusters.sys("slow", slow).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                        DemoClusters.sys("demo", cluster))))) {
            slow.control().slowEveryQuery(Duration.ofSeconds(5));
            long started = System.nanoTime();
            List<ClusterStatus> statuses = both.overview();
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
    void unknownClusterIsNamed() {
        assertThatThrownBy(() -> gateway.snapshot("nope")).isInstanceOf(UnknownClusterException.class)
                .hasMessageContaining("'nope'");
        assertThat(gateway.clusters()).isEqualTo(Set.of("demo"));
    }
}
