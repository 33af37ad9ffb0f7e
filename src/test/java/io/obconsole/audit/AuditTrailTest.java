package io.obconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.obconsole.access.Operator;
import io.obconsole.access.TenantScope;
import io.obconsole.audit.AuditTrail.JobRef;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The audit trail against the real (embedded MariaDB) audit database. */
@QuarkusTest
class AuditTrailTest {

    static final Operator OTTO = new Operator("otto", "sub-otto", Set.of("backup-operator", "offline_access"),
            List.of("demo/mysql_tenant"), "10.1.2.3");

    @Inject
    AuditTrail trail;

    @Inject
    AuditQuery query;

    @Inject
    AgroalDataSource dataSource;

    /** Each test works on its own cluster name, so tests never see each other's records. */
    private final String cluster = "c" + UUID.randomUUID().toString().substring(0, 8);

    private ActionIntent intent(String key, Map<String, String> parameters) {
        return new ActionIntent(OTTO, AuditAction.BACKUP_FULL, cluster, List.of("mysql_tenant"), parameters, key);
    }

    /** When the jobs of these tests started, in cluster time. */
    private static final java.time.LocalDateTime STARTED = java.time.LocalDateTime.of(2026, 3, 1, 2, 0, 0, 123_456_000);

    private List<AuditEntry> records() {
        return query.list(new AuditFilter(null, cluster, null, null, null, null, null), TenantScope.ALL, 100);
    }

    @Test
    void intentAndOutcomeAreTwoLinkedRecordsWithEveryField() {
        Instant before = Instant.now();
        long intentId = trail.recordIntent(intent("k-" + cluster, Map.of("password", "set", "concurrency", "8")));
        JobRef job = new JobRef(cluster, 1002, "mysql_tenant", 1, 41, STARTED);
        trail.recordOutcome(intentId, AuditOutcome.ACCEPTED, List.of("ALTER SYSTEM BACKUP TENANT = mysql_tenant"),
                null, null, List.of(job));

        List<AuditEntry> records = records();
        assertThat(records).hasSize(2);
        AuditEntry outcome = records.get(0);
        AuditEntry intent = records.get(1);
        assertThat(intent.id()).isEqualTo(intentId);
        assertThat(intent.outcome()).isEqualTo(AuditOutcome.INTENDED);
        assertThat(intent.actor()).isEqualTo("otto");
        assertThat(intent.subject()).isEqualTo("sub-otto");
        assertThat(intent.roles()).containsExactly("backup-operator", "offline_access");
        assertThat(intent.clientAddress()).isEqualTo("10.1.2.3");
        assertThat(intent.action()).isEqualTo("BACKUP_FULL");
        assertThat(intent.cluster()).isEqualTo(cluster);
        assertThat(intent.tenants()).containsExactly("mysql_tenant");
        assertThat(intent.parameters()).containsEntry("password", "set").containsEntry("concurrency", "8");
        assertThat(intent.statements()).isEmpty();
        assertThat(intent.time()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(outcome.outcome()).isEqualTo(AuditOutcome.ACCEPTED);
        assertThat(outcome.intentId()).isEqualTo(intentId);
        assertThat(outcome.actor()).isEqualTo("otto");
        assertThat(outcome.statements()).containsExactly("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        assertThat(outcome.jobIds()).containsExactly(job);
        assertThat(outcome.time()).isAfterOrEqualTo(intent.time());
    }

    @Test
    void timesKeepMicroseconds() throws Exception {
        long id = trail.recordIntent(intent(null, Map.of()));
        try (Connection c = AuditDb.connect();
                var rs = c.createStatement().executeQuery("SELECT DATE_FORMAT(recorded_at, '%f') FROM audit_record WHERE id = " + id)) {
            rs.next();
            String micros = rs.getString(1);
            AuditEntry entry = records().get(0);
            assertThat(micros).hasSize(6).isEqualTo(String.format("%06d", entry.time().getNano() / 1000));
        }
    }

    @Test
    void rejectionKeepsTheOceanBaseCodeAndText() {
        long intentId = trail.recordIntent(intent(null, Map.of()));
        trail.recordOutcome(intentId, AuditOutcome.REJECTED_BY_OCEANBASE, List.of("ALTER SYSTEM BACKUP TENANT = mysql_tenant"),
                -9020, "backup destination is not set", List.of());
        AuditEntry outcome = records().get(0);
        assertThat(outcome.outcome()).isEqualTo(AuditOutcome.REJECTED_BY_OCEANBASE);
        assertThat(outcome.obCode()).isEqualTo(-9020);
        assertThat(outcome.obText()).isEqualTo("backup destination is not set");
    }

    @Test
    void thePasswordIsStoredNowhereEvenWhenACallerForgetsToRedact() throws Exception {
        String password = "Tr0ub4dor&3-" + cluster;
        assertThatThrownBy(() -> trail.recordIntent(intent(null, Map.of("encryption_password", password))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(password);
        long intentId = trail.recordIntent(intent(null, Map.of("encryption_password", "set")));
        trail.recordOutcome(intentId, AuditOutcome.REJECTED_BY_OCEANBASE,
                List.of("SET ENCRYPTION ON IDENTIFIED BY '" + password + "' ONLY", "ALTER SYSTEM BACKUP TENANT = mysql_tenant"),
                -4007, "near IDENTIFIED BY '" + password + "'", List.of());

        assertThat(AuditDb.cellsContaining(password)).isEmpty();
        assertThat(AuditDb.cellsContaining("Tr0ub4dor")).isEmpty();
        assertThat(records().get(0).statements().get(0)).isEqualTo("SET ENCRYPTION ON IDENTIFIED BY '******' ONLY");
    }

    @Test
    void aSecondSubmitWithTheSameKeyIsRefusedAndNamesTheFirst() {
        String key = "submit-" + cluster;
        long first = trail.recordIntent(intent(key, Map.of()));
        assertThatThrownBy(() -> trail.recordIntent(intent(key, Map.of())))
                .isInstanceOfSatisfying(DuplicateActionException.class, e -> assertThat(e.originalIntentId()).isEqualTo(first));
        assertThat(records()).hasSize(1);
    }

    @Test
    void racingSubmitsWithOneKeyRecordOneIntent() throws Exception {
        String key = "race-" + cluster;
        List<Object> results = concurrently(8, () -> {
            try {
                return trail.recordIntent(intent(key, Map.of()));
            } catch (DuplicateActionException e) {
                return e;
            }
        });
        List<Long> ids = results.stream().filter(Long.class::isInstance).map(Long.class::cast).toList();
        assertThat(ids).hasSize(1);
        assertThat(results).filteredOn(DuplicateActionException.class::isInstance)
                .hasSize(7)
                .allSatisfy(e -> assertThat(((DuplicateActionException) e).originalIntentId()).isEqualTo(ids.get(0)));
        assertThat(records()).hasSize(1);
    }

    @Test
    void aJobEndIsRecordedExactlyOnceUnderConcurrencyAndLinksToItsStart() throws Exception {
        JobRef job = startedJob(77);
        List<Object> results = concurrently(8, () -> trail.recordJobEnded(job, "COMPLETED", 0, ""));
        assertThat(results).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);

        List<AuditEntry> ended = records().stream().filter(e -> e.outcome() == AuditOutcome.JOB_ENDED).toList();
        assertThat(ended).hasSize(1);
        AuditEntry record = ended.get(0);
        assertThat(record.actor()).isEqualTo(Operator.SYSTEM);
        assertThat(record.action()).isEqualTo("BACKUP_FULL");
        assertThat(record.intentId()).isEqualTo(trail.lastStart(cluster, "mysql_tenant").orElseThrow().intentId());
        assertThat(record.parameters()).containsEntry("status", "COMPLETED");
        assertThat(record.jobIds()).containsExactly(job);
    }

    @Test
    void aJobCanceledThroughTheConsoleStillLinksToTheBackupThatStartedIt() {
        JobRef job = startedJob(81);
        long startIntent = trail.lastStart(cluster, "mysql_tenant").orElseThrow().intentId();
        long cancel = trail.recordIntent(new ActionIntent(OTTO, AuditAction.CANCEL, cluster, List.of("mysql_tenant"), Map.of(), null));
        trail.recordOutcome(cancel, AuditOutcome.ACCEPTED, List.of("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant"),
                null, null, List.of(job));
        assertThat(trail.recordJobEnded(job, "CANCELED", -4072, "canceled by user")).isTrue();
        AuditEntry ended = records().get(0);
        assertThat(ended.intentId()).isEqualTo(startIntent);
        assertThat(ended.action()).isEqualTo("BACKUP_FULL");
        assertThat(trail.lastStart(cluster, "mysql_tenant").orElseThrow().intentId()).isEqualTo(startIntent);
    }

    @Test
    void aFailedJobKeepsItsResultAndComment() {
        JobRef job = startedJob(78);
        assertThat(trail.recordJobEnded(job, "FAILED", -9083, "backup dest is not accessible")).isTrue();
        AuditEntry record = records().get(0);
        assertThat(record.parameters()).containsEntry("status", "FAILED").containsEntry("result", "-9083");
        assertThat(record.obCode()).isEqualTo(-9083);
        assertThat(record.obText()).isEqualTo("backup dest is not accessible");
    }

    @Test
    void aJobEndStaysRecordedOnceAfterARestartAndForAnotherInstance() throws Exception {
        JobRef job = startedJob(79);
        assertThat(trail.recordJobEnded(job, "CANCELED", -4072, "canceled")).isTrue();
        // a restarted console starts with nothing in memory and fresh connections
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
        assertThat(afterReconnect(() -> trail.recordJobEnded(job, "CANCELED", -4072, "canceled"))).isFalse();
        // another instance that skipped every check still cannot add a second record
        try (Connection c = AuditDb.connect()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("INSERT INTO audit_record (recorded_at, actor_username,"
                    + " actor_roles, action_name, cluster_name, tenants, action_params, outcome, job_end_key, prev_hash, record_hash)"
                    + " VALUES (NOW(6), 'system', '', 'X', '" + cluster + "', '[]', '{}', 'JOB_ENDED', '" + job.key()
                    + "', '', '')"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
        }
        assertThat(records().stream().filter(e -> e.outcome() == AuditOutcome.JOB_ENDED)).hasSize(1);
    }

    @Test
    void aJobTheConsoleDidNotStartIsRecordedWithoutALink() {
        JobRef job = new JobRef(cluster, 1006, "analytics", 1, 5, STARTED);
        assertThat(trail.recordJobEnded(job, "COMPLETED", 0, "")).isTrue();
        AuditEntry record = records().get(0);
        assertThat(record.intentId()).isNull();
        assertThat(record.action()).isEqualTo(DatabaseAuditTrail.UNKNOWN_START);
    }

    @Test
    void lastStartNamesWhoStartedTheNewestAcceptedBackup() {
        assertThat(trail.lastStart(cluster, "mysql_tenant")).isEmpty();
        startedJob(80);
        long refused = trail.recordIntent(new ActionIntent(new Operator("olga", "s", Set.of("backup-operator"),
                List.of("demo/*"), null), AuditAction.BACKUP_FULL, cluster, List.of("mysql_tenant"), Map.of(), null));
        trail.recordOutcome(refused, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, "already running", List.of());

        AuditTrail.StartedBy started = trail.lastStart(cluster, "mysql_tenant").orElseThrow();
        assertThat(started.username()).isEqualTo("otto");
        assertThat(started.at()).isBefore(Instant.now().plusSeconds(1));
        assertThat(trail.lastStart(cluster, "oracle_tenant")).isEmpty();
    }

    @Test
    void anAppendWaitsWhileAnotherInstanceHoldsTheChainHead() throws Exception {
        try (Connection other = AuditDb.connect()) {
            other.setAutoCommit(false);
            other.createStatement().executeQuery("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Long> append = pool.submit(() -> trail.recordIntent(intent(null, Map.of())));
                // the database itself says the append waits for the chain head's row lock
                await().atMost(Duration.ofSeconds(30)).until(AuditTrailTest::transactionsWaitingForALock, n -> n > 0);
                assertThat(append.isDone()).as("append waits for the other instance").isFalse();
                other.commit();
                assertThat(append.get(10, TimeUnit.SECONDS)).isPositive();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void outcomesNeedAnExistingIntent() {
        assertThatThrownBy(() -> trail.recordOutcome(Long.MAX_VALUE, AuditOutcome.ACCEPTED, List.of(), null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        long intentId = trail.recordIntent(intent(null, Map.of()));
        assertThatThrownBy(() -> trail.recordOutcome(intentId, AuditOutcome.INTENDED, List.of(), null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The first answer once the pool has new connections: Agroal closes the flushed ones in the
     * background, so a call right after may still be handed one and be refused as unavailable.
     */
    private static <T> T afterReconnect(Callable<T> call) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(AuditUnavailableException.class)
                .until(call, answer -> true);
    }

    private static long transactionsWaitingForALock() throws SQLException {
        try (Connection c = AuditDb.connect();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private JobRef startedJob(long jobId) {
        long intentId = trail.recordIntent(intent(null, Map.of()));
        JobRef job = new JobRef(cluster, 1002, "mysql_tenant", 1, jobId, STARTED);
        trail.recordOutcome(intentId, AuditOutcome.ACCEPTED, List.of("ALTER SYSTEM BACKUP TENANT = mysql_tenant"), null,
                null, List.of(job));
        return job;
    }

    /** Runs the same call from n threads released at once; each result or exception in a list. */
    private static List<Object> concurrently(int n, Callable<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
