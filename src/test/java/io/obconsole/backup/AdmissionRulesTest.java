package io.obconsole.backup;

import io.obconsole.cluster.BackupType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.obconsole.access.Operator;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ClusterPools;
import io.obconsole.cluster.ClusterSettings;
import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.DemoConfig;
import io.obconsole.demo.DemoSql;
import io.obconsole.demo.ManualClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preflight follows OceanBase's admission rules (spec section 6), each proven against the
 * demo cluster, which applies the same rules: open jobs count per (tenant, initiator); from sys an
 * open job sys started refuses every new backup, whichever tenants it names.
 */
class AdmissionRulesTest {

    private static final Operator OTTO = Operators.OTTO;
    private static final Operator OLGA = Operators.OLGA;
    private static final Operator ADA = Operators.ADA;

    private ManualClock clock;
    private DemoCluster cluster;
    private ClusterGateway sysGateway;
    private ClusterGateway tenantGateway;
    private FakeAuditTrail audit;
    private BackupService fromSys;
    private BackupService fromTenant;

    @BeforeEach
    void start() {
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).fullBackupDuration(Duration.ofSeconds(60))
                .build());
        audit = new FakeAuditTrail();
        sysGateway = new ClusterGateway(new ClusterPools(List.of(settings("root@sys", ClusterMode.SYS))));
        // the same cluster seen by a console that signs in as the tenant's own administrator
        tenantGateway = new ClusterGateway(new ClusterPools(List.of(settings("root@mysql_tenant", ClusterMode.TENANT))));
        fromSys = new BackupService(sysGateway, audit, Operators.permissions(), new Preflight(audit), c -> { });
        fromTenant = new BackupService(tenantGateway, audit, Operators.permissions(), new Preflight(audit), c -> { });
    }

    @AfterEach
    void stop() {
        sysGateway.close();
        tenantGateway.close();
        cluster.close();
    }

    private ClusterSettings settings(String user, ClusterMode mode) {
        return ClusterSettings.of("demo", "127.0.0.1:" + cluster.port(), user, "demo", mode)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    private static BackupRequest full(BackupScope scope) {
        return new BackupRequest("demo", scope, BackupType.FULL, null, null, null, false, null, false,
                UUID.randomUUID().toString());
    }

    private List<String> backupsReceived() {
        return cluster.control().statementsReceived().stream().filter(s -> s.startsWith("ALTER SYSTEM BACKUP")).toList();
    }

    private void sqlAs(String account, String statement) {
        try (Connection c = DemoSql.connect(cluster, account)) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOpenSysJobBlocksAnotherTenantAndIsNamedWithWhoAndSince() {
        fromSys.start(OTTO, full(BackupScope.of("mysql_tenant")));

        PreflightReport report = fromSys.preflight(OLGA, full(BackupScope.of("oracle_tenant")));

        assertThat(report.passed()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(PreflightFinding.Check.SYS_JOB_OPEN);
            assertThat(f.tenant()).isEqualTo("oracle_tenant");
            // job 1 of sys is last night's seeded backup, so the console's is job 2; it is named by mysql_tenant's part
            assertThat(f.problem()).contains("error 9036").containsPattern(
                    "started from sys is already running \\(job \\d+ of mysql_tenant, part of sys job 2, ");
            assertThat(f.job().tenant()).isEqualTo("mysql_tenant");
            assertThat(f.job().sysJobId()).isEqualTo(2L);
            assertThat(f.job().startedBy()).isEqualTo("otto");
            assertThat(f.inWords()).contains("started by otto at");
        });
        assertThatThrownBy(() -> fromSys.start(OLGA, full(BackupScope.of("oracle_tenant"))))
                .isInstanceOf(AlreadyRunningException.class).hasMessageContaining("job 2");
        assertThat(backupsReceived()).hasSize(1);
    }

    @Test
    void aSysJobStartedOutsideTheConsoleSaysSinceWhen() {
        sqlAs("root@sys", "ALTER SYSTEM BACKUP TENANT = mysql_tenant");

        PreflightReport report = fromSys.preflight(OLGA, full(BackupScope.of("oracle_tenant")));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).contains("of mysql_tenant, part of sys job 2, ");
            assertThat(f.job().startedBy()).isNull();
            assertThat(f.inWords()).contains("started outside the console at 2024-05-20 10:00:00 UTC");
        });
    }

    @Test
    void allTenantsWhileASysJobIsOpenIsRefusedAsAWholeAndSkipsNobody() {
        fromSys.start(OTTO, full(BackupScope.of("mysql_tenant")));

        PreflightReport report = fromSys.preflight(OLGA, full(BackupScope.allTenants()));

        assertThat(report.blocked()).isTrue();
        assertThat(report.skipped()).as("OceanBase refuses the whole statement, it skips nobody").isEmpty();
        assertThat(report.covered()).isEmpty();
        assertThat(report.tenants()).allSatisfy(t -> assertThat(t.findings())
                .extracting(PreflightFinding::check).contains(PreflightFinding.Check.SYS_JOB_OPEN));
        assertThatThrownBy(() -> fromSys.start(OLGA, full(BackupScope.allTenants())))
                .isInstanceOf(AlreadyRunningException.class);
        assertThat(backupsReceived()).containsExactly("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
    }

    @Test
    void aTenantWhosePartEndedIsNotReadyWhileTheSysJobIsOpen() {
        cluster.control().stallJob("mysql_tenant");
        fromSys.start(OLGA, full(BackupScope.of("mysql_tenant", "oracle_tenant")));
        clock.advanceSeconds(120);
        assertThat(sysGateway.snapshot("demo").tenant("oracle_tenant").orElseThrow().running())
                .as("oracle_tenant's part has ended").isEmpty();

        PreflightReport report = fromSys.preflight(OLGA, full(BackupScope.of("oracle_tenant")));

        assertThat(report.passed()).isFalse();
        assertThat(report.findings()).extracting(PreflightFinding::check)
                .containsExactly(PreflightFinding.Check.SYS_JOB_OPEN);
    }

    @Test
    void aBackupTheTenantStartedItselfDoesNotBlockOneFromSys() {
        sqlAs("root@mysql_tenant", "ALTER SYSTEM BACKUP DATABASE");

        PreflightReport report = fromSys.preflight(OTTO, full(BackupScope.of("mysql_tenant")));
        assertThat(report.passed()).isTrue();
        BackupResult result = fromSys.start(OTTO, full(BackupScope.of("mysql_tenant")));

        assertThat(result.jobs()).singleElement().satisfies(j -> assertThat(j.tenant()).isEqualTo("mysql_tenant"));
        assertThat(sysGateway.snapshot("demo").tenant("mysql_tenant").orElseThrow().running())
                .extracting(j -> j.initiatorTenantId()).containsExactlyInAnyOrder(1002L, 1L);
    }

    @Test
    void allTenantsFromSysLeavesOutATenantBusyWithItsOwnBackup() {
        sqlAs("root@mysql_tenant", "ALTER SYSTEM BACKUP DATABASE");

        BackupResult result = fromSys.start(OLGA, full(BackupScope.allTenants()));

        assertThat(result.jobs()).extracting(StartedJob::tenant).containsExactly("oracle_tenant");
        assertThat(result.skipped()).extracting(TenantPreflight::tenant).containsExactlyInAnyOrder("mysql_tenant",
                "analytics");
        assertThat(result.skipped()).filteredOn(t -> t.tenant().equals("mysql_tenant")).singleElement()
                .satisfies(t -> assertThat(t.findings()).extracting(PreflightFinding::check)
                        .containsExactly(PreflightFinding.Check.NOT_RUNNING));
    }

    @Test
    void inTenantModeASysJobDoesNotBlockButTheTenantsOwnDoes() {
        sqlAs("root@sys", "ALTER SYSTEM BACKUP TENANT = mysql_tenant");

        BackupResult own = fromTenant.start(ADA, full(BackupScope.of("mysql_tenant")));
        assertThat(own.statements()).containsExactly("ALTER SYSTEM BACKUP DATABASE");
        assertThat(own.jobs()).singleElement().satisfies(j -> assertThat(j.tenant()).isEqualTo("mysql_tenant"));

        PreflightReport again = fromTenant.preflight(ADA, full(BackupScope.of("mysql_tenant")));
        assertThat(again.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(PreflightFinding.Check.NOT_RUNNING);
            assertThat(f.problem()).contains("job " + own.jobs().get(0).jobId());
        });
        assertThatThrownBy(() -> fromTenant.start(ADA, full(BackupScope.of("mysql_tenant"))))
                .isInstanceOf(AlreadyRunningException.class);
    }
}
