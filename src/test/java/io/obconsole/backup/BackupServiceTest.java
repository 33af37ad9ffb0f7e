package io.obconsole.backup;

import io.obconsole.cluster.BackupType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.obconsole.access.Operator;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditUnavailableException;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ClusterPools;
import io.obconsole.cluster.ClusterSettings;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.InvalidIdentifierException;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.ObStatement;
import io.obconsole.cluster.TenantName;
import io.obconsole.cluster.UnknownTenantException;
import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.DemoConfig;
import io.obconsole.demo.ManualClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backup service against a demo cluster over JDBC, with an in-memory audit trail and the real access rules. */
class BackupServiceTest {

    private static final Operator ADA = Operators.ADA;
    private static final Operator OTTO = Operators.OTTO;
    private static final Operator OLGA = Operators.OLGA;
    private static final Operator VERA = Operators.VERA;

    private ManualClock clock;
    private DemoCluster cluster;
    private ClusterGateway gateway;
    private FakeAuditTrail audit;
    private Runnable afterPreflight;
    private BackupService service;
    private final List<BackupsChanged> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).fullBackupDuration(Duration.ofSeconds(60)).build());
        gateway = new ClusterGateway(new ClusterPools(List.of(settings("demo", "root@sys", ClusterMode.SYS))));
        audit = new FakeAuditTrail();
        afterPreflight = () -> { };
        // a preflight that lets the test change the cluster between the check and the BACKUP (another console, an admin)
        Preflight preflight = new Preflight(audit) {
            @Override
            public PreflightReport check(ClusterSnapshot snapshot, ObDialect dialect, List<TenantName> tenants,
                    boolean allTenants, BackupType type, boolean acknowledged) {
                PreflightReport report = super.check(snapshot, dialect, tenants, allTenants, type, acknowledged);
                afterPreflight.run();
                return report;
            }
        };
        service = new BackupService(gateway, audit, Operators.permissions(), preflight, changes::add);
    }

    @AfterEach
    void stop() {
        gateway.close();
        cluster.close();
    }

    private ClusterSettings settings(String name, String user, ClusterMode mode) {
        return ClusterSettings.of(name, "127.0.0.1:" + cluster.port(), user, "demo", mode)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    private static BackupRequest full(BackupScope scope) {
        return request(scope, BackupType.FULL, null, null, false);
    }

    private static BackupRequest request(BackupScope scope, BackupType type, Integer concurrency, String password,
            boolean acknowledge) {
        return new BackupRequest("demo", scope, type, concurrency, EncryptionPassword.of(password),
                EncryptionPassword.of(password), false, null, acknowledge, UUID.randomUUID().toString());
    }

    private List<String> backupsReceived() {
        return cluster.control().statementsReceived().stream().filter(s -> s.startsWith("ALTER SYSTEM BACKUP")).toList();
    }

    /** What the cluster received that changes something (the driver's own SET statements left out). */
    private List<String> changesReceived() {
        return cluster.control().statementsReceived().stream()
                .filter(s -> s.startsWith("ALTER SYSTEM") || s.startsWith("SET ENCRYPTION")).toList();
    }

    private void backupBehindTheConsolesBack(String tenant) {
        Properties props = new Properties();
        props.setProperty("user", "root@sys");
        props.setProperty("password", "demo");
        props.setProperty("sslMode", "DISABLED");
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), props)) {
            c.createStatement().execute("ALTER SYSTEM BACKUP TENANT = " + tenant);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fullBackupReturnsTheNewJobAndAuditsIntentThenOutcome() {
        BackupResult result = service.start(OTTO, full(BackupScope.of("mysql_tenant")));
        assertThat(result.jobs()).singleElement().satisfies(job -> {
            assertThat(job.tenant()).isEqualTo("mysql_tenant");
            assertThat(job.status()).isEqualTo("INIT");
            assertThat(job.backupType()).isEqualTo("FULL");
        });
        assertThat(audit.intents).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(io.obconsole.audit.AuditAction.BACKUP_FULL);
            assertThat(i.tenants()).containsExactly("mysql_tenant");
            assertThat(i.parameters()).containsEntry("encryptionPassword", "not set");
        });
        assertThat(audit.lastOutcome().outcome()).isEqualTo(AuditOutcome.ACCEPTED);
        assertThat(audit.lastOutcome().statements()).containsExactly("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        assertThat(audit.lastOutcome().jobs()).extracting(j -> j.jobId()).containsExactly(result.jobs().get(0).jobId());
    }

    @Test
    void concurrencyIsSetFirstForEachTenantAndThePreviousValueIsReturned() {
        cluster.control().setThreadScore("mysql_tenant", 4);
        cluster.control().resetStatements();
        BackupResult result = service.start(OTTO, request(BackupScope.of("mysql_tenant"), BackupType.FULL, 16, null, false));
        assertThat(result.previousConcurrency()).containsEntry("mysql_tenant", 4);
        assertThat(cluster.control().statementsReceived()).filteredOn(s -> s.startsWith("ALTER"))
                .containsExactly("ALTER SYSTEM SET ha_low_thread_score = 16 TENANT = mysql_tenant",
                        "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
    }

    @Test
    void thePlanShownForConfirmationIsExactlyWhatTheStartSends() {
        cluster.control().resetStatements();
        BackupRequest request = request(BackupScope.of("mysql_tenant"), BackupType.FULL, 12, "Pl4n-pw", false);

        BackupPlan plan = service.plan(OTTO, request);

        assertThat(plan.redacted()).containsExactly("ALTER SYSTEM SET ha_low_thread_score = 12 TENANT = mysql_tenant",
                "SET ENCRYPTION ON IDENTIFIED BY '***' ONLY", "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        assertThat(changesReceived()).as("a plan only reads").isEmpty();
        assertThat(audit.intents).as("a plan is not an action").isEmpty();

        BackupResult result = service.start(OTTO, request);

        assertThat(result.statements()).isEqualTo(plan.redacted());
        assertThat(changesReceived()).isEqualTo(plan.statements().stream().map(ObStatement::sql).toList());
    }

    @Test
    void aPlanIsRefusedLikeTheStartWithNothingRecordedOrSent() {
        cluster.control().resetStatements();
        assertThatThrownBy(() -> service.plan(OTTO, full(BackupScope.of("oracle_tenant"))))
                .isInstanceOf(ActionForbiddenException.class);
        assertThatThrownBy(() -> service.plan(ADA, full(BackupScope.of("analytics"))))
                .isInstanceOfSatisfying(PreflightRefusedException.class,
                        e -> assertThat(e.report().blocked()).isTrue());
        assertThat(audit.intents).isEmpty();
        assertThat(changesReceived()).isEmpty();
    }

    @Test
    void concurrencyOutOfRangeIsRefusedAndNothingRuns() {
        cluster.control().resetStatements();
        assertThatThrownBy(() -> service.start(OTTO, request(BackupScope.of("mysql_tenant"), BackupType.FULL, 101, null, false)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("from 0 to 100");
        assertThat(audit.intents).isEmpty();
        assertThat(cluster.control().statementsReceived()).isEmpty();
    }

    @Test
    void passwordThenNoPasswordLeavesTheSecondJobUnencryptedAndThePasswordNowhere() {
        BackupResult first = service.start(ADA, request(BackupScope.of("mysql_tenant"), BackupType.FULL, null, "Tr0ub4dor&3", false));
        assertThat(first.jobs().get(0).encryptionMode()).isEqualTo("PASSWORD");
        clock.advanceSeconds(90);
        BackupResult second = service.start(ADA, full(BackupScope.of("mysql_tenant")));
        assertThat(second.jobs().get(0).encryptionMode()).isEqualTo("NONE");
        assertThat(first.statements()).contains("SET ENCRYPTION ON IDENTIFIED BY '***' ONLY");
        assertThat(first + " " + second + " " + audit.everything()).doesNotContain("Tr0ub4dor");
    }

    @Test
    void passwordsThatDifferAreRefused() {
        BackupRequest request = new BackupRequest("demo", BackupScope.of("mysql_tenant"), BackupType.FULL, null,
                EncryptionPassword.of("one"), EncryptionPassword.of("two"), false, null, false, "k");
        assertThatThrownBy(() -> service.start(ADA, request)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("The two encryption passwords differ");
    }

    @Test
    void incrementalWithoutAFullNeedsAcknowledgementThenGoesAheadAsFull() {
        assertThatThrownBy(() -> service.start(ADA, request(BackupScope.of("oracle_tenant"), BackupType.INCREMENTAL, null,
                null, false))).isInstanceOfSatisfying(PreflightRefusedException.class, e -> {
                    assertThat(e.getMessage()).contains("OceanBase will take a FULL backup instead", "oracle_tenant");
                    assertThat(e.report().needsAcknowledgement()).isTrue();
                });
        assertThat(audit.lastOutcome().outcome()).isEqualTo(AuditOutcome.REFUSED_BY_PREFLIGHT);
        assertThat(backupsReceived()).isEmpty();
        BackupResult result = service.start(ADA, request(BackupScope.of("oracle_tenant"), BackupType.INCREMENTAL, null,
                null, true));
        assertThat(result.jobs().get(0).backupType()).isEqualTo("FULL");
        assertThat(result.warnings()).singleElement().asString().contains("will take a FULL backup");
    }

    @Test
    void onlyAnIncrementalThatBecameFullCarriesTheAcknowledgementInItsAuditRecord() {
        service.start(ADA, request(BackupScope.of("mysql_tenant"), BackupType.FULL, null, null, true));
        assertThat(audit.intents).last().satisfies(i -> assertThat(i.parameters())
                .containsEntry("type", "FULL").doesNotContainKey("acknowledgeFullInsteadOfIncremental"));
        clock.advanceSeconds(90); // the FULL has ended: OceanBase takes a new backup from sys again
        service.start(ADA, request(BackupScope.of("oracle_tenant"), BackupType.INCREMENTAL, null, null, true));
        assertThat(audit.intents).last().satisfies(i -> assertThat(i.parameters())
                .containsEntry("type", "INCREMENTAL").containsEntry("acknowledgeFullInsteadOfIncremental", "true"));
    }

    @Test
    void tenantWithoutArchiveOrDestIsRefusedWithTheFixes() {
        assertThatThrownBy(() -> service.start(ADA, full(BackupScope.of("analytics"))))
                .isInstanceOfSatisfying(PreflightRefusedException.class, e -> assertThat(e.report().findings())
                        .extracting(PreflightFinding::fix)
                        .anySatisfy(fix -> assertThat(fix).contains("ALTER SYSTEM ARCHIVELOG TENANT = analytics;"))
                        .anySatisfy(fix -> assertThat(fix).contains("ALTER SYSTEM SET DATA_BACKUP_DEST = '")
                                .endsWith("TENANT = analytics;")));
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void tenantNotNormalIsRefused() {
        cluster.control().setTenantStatus("mysql_tenant", "RESTORE");
        assertThatThrownBy(() -> service.start(ADA, full(BackupScope.of("mysql_tenant"))))
                .isInstanceOfSatisfying(PreflightRefusedException.class, e -> assertThat(e.report().findings())
                        .extracting(PreflightFinding::check).containsExactly(PreflightFinding.Check.TENANT_NORMAL));
    }

    @Test
    void allTenantsSaysWhichTenantsOceanBaseSkipsAndWhy() {
        BackupResult result = service.start(OLGA, full(BackupScope.allTenants()));
        assertThat(result.statements()).containsExactly("ALTER SYSTEM BACKUP DATABASE");
        assertThat(result.jobs()).extracting(StartedJob::tenant).containsExactlyInAnyOrder("mysql_tenant", "oracle_tenant");
        assertThat(result.skipped()).singleElement().satisfies(t -> {
            assertThat(t.tenant()).isEqualTo("analytics");
            assertThat(t.findings()).extracting(PreflightFinding::check)
                    .contains(PreflightFinding.Check.ARCHIVE_DOING, PreflightFinding.Check.BACKUP_DEST_SET);
        });
    }

    @Test
    void doubleSubmitStartsOneBackup() {
        BackupRequest request = full(BackupScope.of("mysql_tenant"));
        BackupResult first = service.start(OTTO, request);
        BackupRequest again = full(BackupScope.of("mysql_tenant"));
        BackupRequest sameKey = new BackupRequest(again.cluster(), again.scope(), again.type(), null, null, null, false,
                null, false, request.idempotencyKey());
        assertThat(service.start(OTTO, sameKey)).isEqualTo(first);
        assertThat(backupsReceived()).hasSize(1);
        assertThat(audit.intents).hasSize(1);
    }

    @Test
    void twoOperatorsRacingGetOneBackupAndOneClearRefusal() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Object> otto = () -> attempt(OTTO);
            Callable<Object> olga = () -> attempt(OLGA);
            List<Future<Object>> results = pool.invokeAll(List.of(otto, olga));
            List<Object> outcomes = List.of(results.get(0).get(), results.get(1).get());
            assertThat(outcomes).filteredOn(BackupResult.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(AlreadyRunningException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((Exception) e).getMessage()).containsPattern("already running .*started by (otto|olga) at"));
            assertThat(backupsReceived()).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    private Object attempt(Operator who) {
        try {
            return service.start(who, full(BackupScope.of("mysql_tenant")));
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void backupStartedOutsideTheConsoleIsNamedAsSuch() {
        backupBehindTheConsolesBack("mysql_tenant");
        assertThatThrownBy(() -> service.start(OTTO, full(BackupScope.of("mysql_tenant"))))
                .isInstanceOf(AlreadyRunningException.class)
                .hasMessageContaining("started outside the console at 2024-05-20 10:00:00 UTC");
    }

    @Test
    void oceanBase9036AfterThePreflightBecomesAlreadyRunningWithWhoStartedIt() {
        // another console instance, sharing the audit database, wins the race after our preflight
        afterPreflight = () -> {
            long intent = audit.recordIntent(new io.obconsole.audit.ActionIntent(OLGA, io.obconsole.audit.AuditAction.BACKUP_FULL, "demo",
                    List.of("mysql_tenant"), java.util.Map.of(), "other-instance"));
            backupBehindTheConsolesBack("mysql_tenant");
            audit.recordOutcome(intent, AuditOutcome.ACCEPTED, List.of(), null, null, List.of());
        };
        assertThatThrownBy(() -> service.start(OTTO, full(BackupScope.of("mysql_tenant"))))
                .isInstanceOfSatisfying(AlreadyRunningException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(9036);
                    assertThat(e.getMessage()).contains("for mysql_tenant started by olga at");
                });
        assertThat(audit.outcomes.get(audit.outcomes.size() - 1).outcome()).isEqualTo(AuditOutcome.REJECTED_BY_OCEANBASE);
        assertThat(audit.lastOutcome().obCode()).isEqualTo(9036);
    }

    @Test
    void archiveStoppedAfterThePreflightIsOceanBase9040WithExplanation() {
        afterPreflight = () -> cluster.control().setArchive("mysql_tenant", "STOP");
        assertThatThrownBy(() -> service.start(OTTO, full(BackupScope.of("mysql_tenant"))))
                .isInstanceOfSatisfying(OceanBaseRejectedException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(9040);
                    assertThat(e.error().text()).isEqualTo("backup can not start, because log archive status is not doing.");
                });
        assertThat(audit.lastOutcome().statements()).containsExactly("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
    }

    @Test
    void unknownTenantIsRefusedAndRecordedAndNothingSent() {
        assertThatThrownBy(() -> service.start(ADA, full(BackupScope.of("payroll"))))
                .isInstanceOf(UnknownTenantException.class);
        assertThat(audit.lastOutcome().outcome()).isEqualTo(AuditOutcome.REFUSED_BY_PREFLIGHT);
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void tenantNameCarryingSqlIsRefusedBeforeAnythingIsRecordedOrSent() {
        assertThatThrownBy(() -> service.start(ADA, full(BackupScope.of("mysql_tenant; DROP DATABASE x"))))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThat(audit.intents).isEmpty();
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void operatorOutsideScopeViewerAndAllTenantsWithoutClusterScopeAreForbidden() {
        cluster.control().resetStatements();
        assertThatThrownBy(() -> service.start(OTTO, full(BackupScope.of("oracle_tenant"))))
                .isInstanceOf(ActionForbiddenException.class);
        assertThatThrownBy(() -> service.start(OTTO, full(BackupScope.allTenants())))
                .isInstanceOf(ActionForbiddenException.class);
        assertThatThrownBy(() -> service.start(VERA, full(BackupScope.of("mysql_tenant"))))
                .isInstanceOf(ActionForbiddenException.class);
        assertThatThrownBy(() -> service.cancel(VERA, new CancelRequest("demo", BackupScope.allTenants(), "c")))
                .isInstanceOf(ActionForbiddenException.class);
        assertThat(audit.intents).isEmpty();
        assertThat(cluster.control().statementsReceived()).isEmpty();
    }

    @Test
    void auditDatabaseDownRefusesAndTheClusterGetsNoBackup() {
        audit.down = true;
        cluster.control().resetStatements();
        assertThatThrownBy(() -> service.start(OTTO, full(BackupScope.of("mysql_tenant"))))
                .isInstanceOf(AuditUnavailableException.class);
        assertThat(cluster.control().statementsReceived()).isEmpty();
    }

    @Test
    void clusterDownDuringTheActionIsAClearErrorAndTheOutcomeIsRecorded() {
        gateway.snapshot("demo");
        audit.afterIntent = () -> cluster.control().refuseConnections();
        assertThatThrownBy(() -> service.start(OTTO, full(BackupScope.of("mysql_tenant"))))
                .isInstanceOf(ActionInterruptedException.class).hasMessageContaining("unreachable");
        assertThat(audit.lastOutcome().outcome()).isEqualTo(AuditOutcome.CLUSTER_UNREACHABLE);
        assertThat(audit.lastOutcome().obText()).isNotBlank();
    }

    @Test
    void cancelOfARunningBackupNamesTheJob() {
        BackupResult started = service.start(OTTO, full(BackupScope.of("mysql_tenant")));
        CancelResult cancel = service.cancel(OTTO, new CancelRequest("demo", BackupScope.of("mysql_tenant"), "cancel-1"));
        assertThat(cancel.statements()).containsExactly("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        assertThat(cancel.canceling()).extracting(StartedJob::jobId).containsExactly(started.jobs().get(0).jobId());
        assertThat(gateway.jobs("demo", 5)).filteredOn(j -> j.jobId() == started.jobs().get(0).jobId()
                && j.tenantName().equals("mysql_tenant")).extracting(j -> j.status()).containsExactly("CANCELING");
    }

    @Test
    void anAcceptedStartAndCancelTellTheProgressPollerARefusedOneDoesNot() {
        service.start(OTTO, full(BackupScope.of("mysql_tenant")));
        assertThat(changes).containsExactly(new BackupsChanged("demo"));
        service.cancel(OTTO, new CancelRequest("demo", BackupScope.of("mysql_tenant"), UUID.randomUUID().toString()));
        assertThat(changes).hasSize(2);
        clock.advanceSeconds(5); // the cancelled job has ended, so only the archive stands in the way

        cluster.control().setArchive("oracle_tenant", "STOP");
        assertThatThrownBy(() -> service.start(ADA, full(BackupScope.of("oracle_tenant"))))
                .isInstanceOf(PreflightRefusedException.class);
        assertThat(changes).hasSize(2);
    }

    @Test
    void userTenantAccountConfiguredAsSysIsExplained() {
        try (ClusterGateway wrong = new ClusterGateway(new ClusterPools(List.of(
                settings("demo", "root@mysql_tenant", ClusterMode.SYS))))) {
            BackupService misconfigured = new BackupService(wrong, audit, Operators.permissions(), new Preflight(audit),
                    changes::add);
            assertThatThrownBy(() -> misconfigured.start(ADA, full(BackupScope.of("mysql_tenant"))))
                    .isInstanceOfSatisfying(OceanBaseRejectedException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(1146);
                        // the first sys-only view the state read asks for (a tenant's account has none of them)
                        assertThat(e.error().text()).matches("Table 'oceanbase\\.CDB_OB_[A-Z_]+' doesn't exist");
                    });
        }
    }

    @Test
    void accountWithoutAlterSystemGetsOceanBase1227Explained() {
        try (ClusterGateway readOnly = new ClusterGateway(new ClusterPools(List.of(
                settings("demo", "viewer@mysql_tenant", ClusterMode.TENANT))))) {
            BackupService viewer = new BackupService(readOnly, audit, Operators.permissions(), new Preflight(audit),
                    changes::add);
            assertThatThrownBy(() -> viewer.start(ADA, full(BackupScope.of("mysql_tenant"))))
                    .isInstanceOfSatisfying(OceanBaseRejectedException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(1227);
                        assertThat(e.error().sqlState()).isEqualTo("42501");
                        assertThat(e.error().text()).contains("ALTER SYSTEM privilege");
                    });
            assertThat(cluster.control().statementsReceived()).contains("ALTER SYSTEM BACKUP DATABASE");
        }
    }
}
