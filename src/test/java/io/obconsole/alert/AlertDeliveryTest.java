package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.obconsole.access.Operator;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditTrail;
import io.obconsole.demo.DemoControl;
import io.obconsole.policy.PolicyRunOutcome;
import io.obconsole.policy.PolicyRunRecorded;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.Demo;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every event kind reaches a real HTTP receiver once, signed; a receiver that is down gets the
 * event when it is back; two delivery workers on one database send once; a worker that starts
 * afresh (a restarted console) sends what was stored before.
 */
@QuarkusTest
class AlertDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ObjectiveWatch watch;

    @Inject
    Objectives objectives;

    @Inject
    ChainWatch chain;

    @Inject
    AuditTrail audit;

    @Inject
    Deliveries deliveries;

    @Inject
    ProgressPoller poller;

    @Inject
    Scheduler scheduler;

    @Inject
    AgroalDataSource db;

    @Inject
    Event<PolicyRunRecorded> policyRuns;

    private WebhookReceiver receiver;
    private long channel;
    private long baseline;

    @BeforeEach
    void channelToAFreshReceiver() {
        // what earlier tests left (failed jobs, open conditions) is settled before this channel exists
        evaluate();
        receiver = WebhookReceiver.start();
        channel = AlertFixture.webhookChannel("receiver-" + System.nanoTime(), receiver.url());
        baseline = AlertFixture.newestEventId(db);
    }

    @AfterEach
    void removeChannel() {
        scheduler.resume(Deliveries.TICK);
        AlertFixture.delete(channel);
        receiver.close();
    }

    @Test
    void objectiveAtRiskBreachedAndRecoveredEachReachTheWebhookOnceSigned() throws Exception {
        freshFullBackupOfMysqlTenant();
        objectives.set(admin(), "demo", "mysql_tenant", "PT1H", "PT1H", "PT1H", null, null);
        try {
            assertThat(objectives.one(admin(), "demo", "mysql_tenant").state()).isEqualTo(ObjectiveState.OK);
            // getting here may have sent a recovery of what earlier tests left: count from now
            baseline = AlertFixture.newestEventId(db);

            Demo.clock().advance(Duration.ofMinutes(50));
            evaluate();
            assertThat(objectives.one(admin(), "demo", "mysql_tenant").state()).isEqualTo(ObjectiveState.AT_RISK);
            Demo.clock().advance(Duration.ofMinutes(15));
            evaluate();
            assertThat(objectives.one(admin(), "demo", "mysql_tenant").state()).isEqualTo(ObjectiveState.BREACHED);
            freshFullBackupOfMysqlTenant();
            assertThat(objectives.one(admin(), "demo", "mysql_tenant").state()).isEqualTo(ObjectiveState.OK);

            await().atMost(WAIT).until(() -> newEvents().stream().anyMatch(r -> r.kind().equals("OBJECTIVE_RECOVERED")));
            List<String> kinds = newEvents().stream().map(WebhookReceiver.Received::kind).toList();
            assertThat(kinds).containsExactly("OBJECTIVE_AT_RISK", "OBJECTIVE_BREACHED", "OBJECTIVE_RECOVERED");
            assertEachOnceAndSigned();
            WebhookReceiver.Received breached = receiver.of("OBJECTIVE_BREACHED").get(0);
            assertThat(breached.json().path("tenant").asText()).isEqualTo("mysql_tenant");
            assertThat(breached.json().path("cluster").asText()).isEqualTo("demo");
            assertThat(breached.json().path("summary").asText()).contains("BREACHED").contains("older than the objective of 1 h");
            assertThat(breached.json().path("since").asText()).as("an instant with its zone")
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            assertThat(breached.json().path("summary").asText()).as("the recovery point's time with its zone")
                    .containsPattern("Recovery point \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
            assertThat(breached.json().path("nextStep").asText()).contains("Start a backup");
            assertThat(breached.json().path("link").asText()).endsWith("/clusters/demo/tenants/mysql_tenant");
        } finally {
            objectives.set(admin(), "demo", "mysql_tenant", null, null, null, null, null);
        }
    }

    @Test
    void failedJobReachesTheWebhookWithOceanBasesCodeAndComment() {
        control().failNextJob("mysql_tenant", -9070, "can not connect to backup destination");
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(120);
        await().atMost(WAIT).until(() -> {
            evaluate();
            return !receiver.of("JOB_FAILED").isEmpty();
        });
        WebhookReceiver.Received failed = receiver.of("JOB_FAILED").get(0);
        assertThat(failed.json().path("obCode").asInt()).isEqualTo(-9070);
        assertThat(failed.json().path("obText").asText()).isEqualTo("can not connect to backup destination");
        assertThat(failed.json().path("summary").asText()).contains("FAILED").contains("demo/mysql_tenant");
        assertThat(failed.json().path("link").asText()).contains("/jobs?cluster=demo&tenant=mysql_tenant");
        evaluate();
        assertEachOnceAndSigned();
    }

    @Test
    void stalledJobAndItsResumptionEachReachTheWebhookOnce() throws Exception {
        control().stallJob("mysql_tenant");
        try {
            Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            Demo.clock().advanceSeconds(10);
            poller.pollNow("demo").get(20, TimeUnit.SECONDS);
            Demo.clock().advanceSeconds(90);
            evaluate();
            await().atMost(WAIT).until(() -> !receiver.of("JOB_STALLED").isEmpty());
            evaluate();
            assertThat(receiver.of("JOB_STALLED").get(0).json().path("summary").asText()).contains("has not moved");

            control().unstall("mysql_tenant");
            Demo.clock().advanceSeconds(5);
            evaluate();
            await().atMost(WAIT).until(() -> !receiver.of("JOB_RESUMED").isEmpty());
            // later rounds (the job moving on, ending) send nothing more about the stall
            Demo.clock().advanceSeconds(5);
            evaluate();
            evaluate();
            assertThat(newEvents().stream().map(WebhookReceiver.Received::kind).filter(k -> k.startsWith("JOB_")))
                    .containsExactly("JOB_STALLED", "JOB_RESUMED");
            WebhookReceiver.Received resumed = receiver.of("JOB_RESUMED").get(0);
            assertThat(resumed.json().path("summary").asText()).contains("demo/mysql_tenant").contains("moves again");
            assertThat(resumed.json().path("tenant").asText()).isEqualTo("mysql_tenant");
            assertThat(resumed.json().path("link").asText()).contains("/jobs?cluster=demo&tenant=mysql_tenant");
            assertEachOnceAndSigned();
        } finally {
            control().unstall("mysql_tenant");
            Demo.sql("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
            Demo.clock().advanceSeconds(120);
            poller.pollNow("demo").get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void unreachableClusterAndItsRecoveryReachTheWebhookOnce() {
        control().refuseConnections();
        try {
            await().atMost(WAIT).until(() -> {
                evaluate();
                return !receiver.of("CLUSTER_UNREACHABLE").isEmpty();
            });
        } finally {
            control().recover();
        }
        await().atMost(WAIT).until(() -> {
            evaluate();
            return !receiver.of("CLUSTER_REACHABLE").isEmpty();
        });
        evaluate();
        assertThat(newEvents().stream().map(WebhookReceiver.Received::kind))
                .containsExactly("CLUSTER_UNREACHABLE", "CLUSTER_REACHABLE");
        assertThat(receiver.of("CLUSTER_UNREACHABLE").get(0).json().path("summary").asText())
                .contains("has not answered the console");
        assertEachOnceAndSigned();
    }

    @Test
    void skippedAndMissedPolicyRunsReachTheWebhook() {
        Instant slot = Instant.parse("2024-05-21T02:00:00Z").plusSeconds(System.nanoTime() % 100_000);
        policyRuns.fire(new PolicyRunRecorded(7, "demo", "mysql_tenant", slot, PolicyRunOutcome.SKIPPED,
                "log archive is not DOING", "dba-leads"));
        policyRuns.fire(new PolicyRunRecorded(7, "demo", "mysql_tenant", slot.plusSeconds(86_400), PolicyRunOutcome.MISSED,
                "no console instance ran at the slot", "dba-leads"));
        policyRuns.fire(new PolicyRunRecorded(7, "demo", "mysql_tenant", slot.plusSeconds(172_800), PolicyRunOutcome.STARTED,
                null, "dba-leads"));
        // the same run recorded twice (e.g. by two instances) is one event
        policyRuns.fire(new PolicyRunRecorded(7, "demo", "mysql_tenant", slot, PolicyRunOutcome.SKIPPED,
                "log archive is not DOING", "dba-leads"));
        await().atMost(WAIT).until(() -> receiver.received().size() >= 2);
        assertThat(newEvents().stream().map(WebhookReceiver.Received::kind))
                .containsExactly("POLICY_RUN_SKIPPED", "POLICY_RUN_MISSED");
        assertThat(receiver.of("POLICY_RUN_SKIPPED").get(0).json().path("summary").asText())
                .contains("skipped").contains("log archive is not DOING")
                .contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                        .format(slot.atOffset(java.time.ZoneOffset.UTC)));
        assertThat(receiver.of("POLICY_RUN_SKIPPED").get(0).json().path("since").asText())
                .isEqualTo(slot.toString());
        assertEachOnceAndSigned();
    }

    @Test
    void brokenAuditChainAndItsRepairEachReachTheWebhookOnce() throws Exception {
        long record = audit.recordIntent(new ActionIntent(new Operator("ada", "s", Set.of("backup-admin"), List.of("demo/*"),
                "127.0.0.1"), AuditAction.BACKUP_FULL, "demo", List.of("mysql_tenant"), Map.of("type", "FULL"), null));
        String original = column(record);
        try {
            setColumn(record, original + " (altered)");
            assertThat(chain.check().intact()).isFalse();
            await().atMost(WAIT).until(() -> !receiver.of("AUDIT_CHAIN_BROKEN").isEmpty());
            assertThat(receiver.of("AUDIT_CHAIN_BROKEN").get(0).json().path("link").asText()).endsWith("/audit");
            assertThat(chain.check().intact()).isFalse();
        } finally {
            setColumn(record, original);
        }
        assertThat(chain.check().intact()).isTrue();
        await().atMost(WAIT).until(() -> !receiver.of("AUDIT_CHAIN_INTACT").isEmpty());
        assertThat(chain.check().intact()).isTrue();
        assertThat(newEvents().stream().map(WebhookReceiver.Received::kind).filter(k -> k.startsWith("AUDIT_")))
                .containsExactly("AUDIT_CHAIN_BROKEN", "AUDIT_CHAIN_INTACT");
        WebhookReceiver.Received intact = receiver.of("AUDIT_CHAIN_INTACT").get(0);
        assertThat(intact.json().path("summary").asText()).contains("passes again");
        assertThat(intact.json().path("link").asText()).endsWith("/audit");
        assertEachOnceAndSigned();
    }

    @Test
    void aReceiverThatIsDownGetsTheEventWhenItComesBack() {
        receiver.down();
        long event = missedRun();
        await().atMost(WAIT).until(() -> AlertFixture.log(channel).stream().anyMatch(l -> "RETRIED".equals(l.get("outcome"))));
        assertThat(receiver.received()).isEmpty();
        receiver.up();
        await().atMost(WAIT).until(() -> receiver.count(event) == 1);
        List<Map<String, Object>> log = AlertFixture.log(channel);
        assertThat(log.get(0)).containsEntry("outcome", "SENT").containsEntry("receiverStatus", 200);
        assertThat(((Number) log.get(0).get("attempt")).intValue()).isGreaterThan(1);
        assertThat(log).anyMatch(l -> "RETRIED".equals(l.get("outcome")) && l.get("receiverStatus") == null
                && String.valueOf(l.get("detail")).contains("receiver not reached"));
        assertEachOnceAndSigned();
    }

    @Test
    void aReceiverAnswering503IsRetriedWithItsStatusLogged() {
        receiver.answer(503);
        long event = missedRun();
        await().atMost(WAIT).until(() -> AlertFixture.log(channel).stream()
                .filter(l -> "RETRIED".equals(l.get("outcome"))).count() >= 2);
        assertThat(AlertFixture.log(channel)).allMatch(l -> Integer.valueOf(503).equals(l.get("receiverStatus")));
        receiver.answer(200);
        await().atMost(WAIT).until(() -> receiver.count(event) == 1);
    }

    @Test
    void twoConsoleInstancesSendEachEventOnce() throws Exception {
        scheduler.pause(Deliveries.TICK);
        for (int i = 0; i < 5; i++) {
            missedRun();
        }
        DeliveryWorker a = deliveries.newWorker("console-a");
        DeliveryWorker b = deliveries.newWorker("console-b");
        CompletableFuture<Integer> sentByA = CompletableFuture.supplyAsync(() -> a.deliverDue(50));
        CompletableFuture<Integer> sentByB = CompletableFuture.supplyAsync(() -> b.deliverDue(50));
        // (a scheduled tick already under way when it was paused may have taken one: this instance counts as a third)
        assertThat(sentByA.get(30, TimeUnit.SECONDS) + sentByB.get(30, TimeUnit.SECONDS)).isBetween(4, 5);
        assertThat(a.deliverDue(50) + b.deliverDue(50)).isZero();
        assertThat(receiver.received()).hasSize(5);
        assertEachOnceAndSigned();
        assertThat(AlertFixture.log(channel)).hasSize(5).allMatch(l -> "SENT".equals(l.get("outcome")))
                .allMatch(l -> Set.of("console-a", "console-b", "test-console").contains(l.get("instance")));
    }

    @Test
    void eventsStoredBeforeARestartAreSentByTheNextInstance() {
        scheduler.pause(Deliveries.TICK);
        long event = missedRun();
        // stored, not sent: the instance that stored it is gone (its tick never runs again)
        assertThat(AlertFixture.number(db, "SELECT COUNT(*) FROM alert_delivery WHERE state = 'PENDING' AND event_id = "
                + event)).isEqualTo(1);
        assertThat(receiver.received()).isEmpty();
        DeliveryWorker restarted = deliveries.newWorker("console-after-restart");
        assertThat(restarted.deliverDue(50)).isEqualTo(1);
        assertThat(receiver.count(event)).isEqualTo(1);
        assertThat(AlertFixture.log(channel).get(0)).containsEntry("instance", "console-after-restart");
        assertEachOnceAndSigned();
    }

    /** A MISSED policy run for mysql_tenant, unique per call; returns its event id. */
    private long missedRun() {
        Instant slot = Instant.parse("2024-06-01T00:00:00Z").plusNanos(System.nanoTime() % 1_000_000_000_000L);
        policyRuns.fire(new PolicyRunRecorded(9, "demo", "mysql_tenant", slot, PolicyRunOutcome.MISSED, "console down",
                "platform-ops"));
        return AlertFixture.newestEventId(db);
    }

    private void freshFullBackupOfMysqlTenant() {
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(300);
        evaluate();
    }

    /** The poller reads the cluster (as its next round would), then an objective round runs on what it read. */
    private void evaluate() {
        try {
            poller.refreshNow("demo").get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        watch.round();
    }

    /** What arrived for events raised during this test, in order. */
    private List<WebhookReceiver.Received> newEvents() {
        return receiver.received().stream().filter(r -> r.eventId() > baseline).toList();
    }

    /** No event arrived twice (also while the workers keep running), and every request carries a valid signature. */
    private void assertEachOnceAndSigned() {
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> receiver.received().stream()
                .map(WebhookReceiver.Received::eventId).distinct().count() == receiver.received().size());
        assertThat(receiver.received()).isNotEmpty().allMatch(r -> r.signedWith(AlertFixture.KEY), "signed with the key");
        assertThat(receiver.received()).noneMatch(r -> r.signedWith("some-other-key"));
    }

    private static DemoControl control() {
        return Demo.cluster().control();
    }

    private static Operator admin() {
        return new Operator("ada", "ada-subject", Set.of("backup-admin"), List.of("demo/*"), "127.0.0.1");
    }

    private String column(long record) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT action_params FROM audit_record WHERE id = ?")) {
            s.setLong(1, record);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void setColumn(long record, String value) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE audit_record SET action_params = ? WHERE id = ?")) {
            s.setString(1, value);
            s.setLong(2, record);
            s.executeUpdate();
        }
    }
}
