package io.obconsole.alert;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.obconsole.api.ApiFixture;
import io.obconsole.drill.DrillSupervisor;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restore-time and proven-within objectives of a tenant, judged from what its drills proved:
 * not judged without a drill policy or a proven drill, breached and met again each reaching a real
 * webhook receiver once, and a failed drill (the demo's missing archive piece) raising its alert once.
 */
@QuarkusTest
class DrillObjectivesTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String POLICY = "/api/v1/drill-policies/demo/mysql_tenant";
    private static final String OBJECTIVE = "/api/v1/objectives/demo/mysql_tenant";

    @Inject
    ObjectiveWatch watch;

    @Inject
    ProgressPoller poller;

    @Inject
    DrillSupervisor supervisor;

    @Inject
    AgroalDataSource db;

    private WebhookReceiver receiver;
    private long channel;
    private long baseline;

    @BeforeEach
    void noDrillsAndAFreshReceiver() {
        ApiFixture.resetCluster();
        // classes before may have made an encrypted set its newest: these drills give no password
        Demo.freshFullBackup("mysql_tenant");
        forget();
        receiver = WebhookReceiver.start();
        channel = AlertFixture.webhookChannel("drills-" + System.nanoTime(), receiver.url());
        baseline = AlertFixture.newestEventId(db);
    }

    @AfterEach
    void putBack() {
        forget();
        AlertFixture.delete(channel);
        receiver.close();
        ApiFixture.resetCluster();
    }

    /** No drill policy, no drill, no own objective for mysql_tenant; the conditions settle on that. */
    private void forget() {
        evaluate();
        as("ada").delete(POLICY);
        AuditSql.update("DELETE FROM drill_run");
        as("ada").delete(OBJECTIVE).then().statusCode(200);
        evaluate();
    }

    @Test
    void aTenantNoDrillPolicyCoversAndNoDrillProvedHasNoDataForTheDrillObjectivesAndIsNotBreachedByThem() {
        as("vera").get(OBJECTIVE).then().statusCode(200)
                .body("objective.maxRestoreTime", equalTo("PT4H")).body("objective.provenWithin", equalTo("PT192H"))
                .body("objective.origins.provenWithin", equalTo("default"))
                .body("objectives.restoreTime", equalTo("NO_DATA")).body("objectives.provenWithin", equalTo("NO_DATA"))
                .body("checks.figure", org.hamcrest.Matchers.not(hasItem("LAST_PROVEN")));
    }

    @Test
    void aDrillPolicyThatProvesNothingWithinTheObjectiveBreachesItOnceAndAProvenDrillMeetsItAgain() {
        as("ada").body(Map.of("provenWithin", "PT1H")).put(OBJECTIVE).then().statusCode(200)
                .body("objective.provenWithin", equalTo("PT1H")).body("objective.origins.provenWithin", equalTo("tenant"));
        policy();
        // the policy was made two hours ago, and no drill has proven the tenant since
        AuditSql.update("UPDATE drill_policy SET created_at = created_at - INTERVAL 2 HOUR WHERE cluster_name = 'demo' "
                + "AND tenant_name = 'mysql_tenant'");
        evaluate();
        evaluate();

        JsonPath breached = as("vera").get(OBJECTIVE).then().statusCode(200).extract().jsonPath();
        assertThat(breached.getString("objectives.provenWithin")).isEqualTo("BREACHED");
        assertThat(breached.getString("state")).isEqualTo("BREACHED");
        assertThat(breached.getList("reasons", String.class)).anySatisfy(r -> assertThat(r)
                .startsWith("no drill has proven it restorable since its drill policy was created 2 h"));

        long run = runNow();
        driven(run, "PROVEN");
        evaluate();
        as("vera").get(OBJECTIVE).then().statusCode(200).body("objectives.provenWithin", equalTo("OK"))
                .body("objectives.restoreTime", equalTo("OK"));

        await().atMost(WAIT).until(() -> !newEvents("PROVEN_WITHIN_MET").isEmpty());
        assertOnce("PROVEN_WITHIN_BREACHED", "PROVEN_WITHIN_MET");
        assertThat(newEvents("PROVEN_WITHIN_BREACHED").get(0).json().path("summary").asText())
                .contains("demo/mysql_tenant breaches its proven-within objective: no drill has proven it restorable");
        assertThat(AuditSql.rows("SELECT action_params FROM audit_record WHERE action_name = 'OBJECTIVE_SET' "
                + "AND outcome = 'INTENDED' ORDER BY id DESC LIMIT 1").get(0).get("action_params")).contains("PT1H")
                .contains("provenWithin");
    }

    @Test
    void aProvenDrillWhoseRestoreTookLongerThanTheObjectiveBreachesTheRestoreTimeObjectiveOnce() {
        policy();
        long run = runNow();
        driven(run, "PROVEN");
        // as if that restore had taken two hours
        AuditSql.update("UPDATE drill_run SET restore_finished_at = restore_started_at + INTERVAL 2 HOUR WHERE id = " + run);

        as("ada").body(Map.of("maxRestoreTime", "PT1H")).put(OBJECTIVE).then().statusCode(200)
                .body("objectives.restoreTime", equalTo("BREACHED"))
                .body("reasons", hasItem("the restore of the last proven drill took 2 h, longer than the objective of 1 h"));
        evaluate();
        String metrics = scrape();
        assertThat(metric(metrics, "obconsole_drill_restore_duration_seconds\\{cluster=\"demo\",tenant=\"mysql_tenant\"\\}"))
                .isEqualTo(7200.0);
        assertThat(metric(metrics, "obconsole_drill_objective_state\\{cluster=\"demo\",objective=\"restore_time\","
                + "tenant=\"mysql_tenant\"\\}")).isEqualTo(2.0);
        assertThat(metric(metrics, "obconsole_drill_last_proven_timestamp_seconds\\{cluster=\"demo\",tenant=\"mysql_tenant\"\\}"))
                .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(600.0));

        as("ada").body(Map.of("maxRestoreTime", "PT3H")).put(OBJECTIVE).then().statusCode(200)
                .body("objectives.restoreTime", equalTo("OK"));
        evaluate();

        await().atMost(WAIT).until(() -> !newEvents("RESTORE_TIME_MET").isEmpty());
        assertOnce("RESTORE_TIME_BREACHED", "RESTORE_TIME_MET");
        assertThat(newEvents("RESTORE_TIME_BREACHED").get(0).json().path("summary").asText())
                .contains("breaches its restore-time objective: the restore of the last proven drill took 2 h");
    }

    @Test
    void aFailingDrillRaisesItsAlertOnceAndTheReceiverGetsItOnce() {
        String failedRuns = "obconsole_drill_runs_total\\{cluster=\"demo\",outcome=\"FAILED\",tenant=\"mysql_tenant\"\\}";
        Double before = metricOrNull(scrape(), failedRuns);
        policy();
        Demo.sql("CALL demo.fail_next_restore('missing archive piece')");
        long run = runNow();

        driven(run, "FAILED");
        // more rounds of every kind: none sends it again
        supervisor.round();
        evaluate();
        evaluate();

        await().atMost(WAIT).until(() -> !newEvents("DRILL_FAILED").isEmpty());
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> newEvents("DRILL_FAILED").size() == 1);
        WebhookReceiver.Received failed = newEvents("DRILL_FAILED").get(0);
        assertThat(failed.json().path("cluster").asText()).isEqualTo("demo");
        assertThat(failed.json().path("tenant").asText()).isEqualTo("mysql_tenant");
        assertThat(failed.json().path("summary").asText()).contains("Restore drill " + run + " of demo/mysql_tenant")
                .contains("FAILED").contains("missing archive piece");
        assertThat(failed.json().path("nextStep").asText()).contains("run the drill again");
        assertThat(failed.json().path("link").asText()).endsWith("/clusters/demo/tenants/mysql_tenant");
        assertThat(failed.signedWith(AlertFixture.KEY)).isTrue();
        assertThat(AlertFixture.number(db, "SELECT COUNT(*) FROM alert_event WHERE kind = 'DRILL_FAILED' AND id > " + baseline))
                .isEqualTo(1);
        assertThat(metricOrNull(scrape(), failedRuns)).isEqualTo((before == null ? 0 : before) + 1);
    }

    // ---- drills, as the supervisor drives them

    private static void policy() {
        Map<String, Object> body = new HashMap<>(Map.of("schedule", Map.of("days", List.of("SUN"), "time", "04:00"),
                "timeZone", "UTC", "drillCluster", "demo", "point", "LATEST", "timeLimit", "PT30M"));
        as("ada").body(body).put(POLICY).then().statusCode(200);
    }

    private static long runNow() {
        return as("ada").post(POLICY + "/run").then().statusCode(202).extract().jsonPath().getLong("[0].id");
    }

    /** Rounds of the supervisor while the demo's time moves on and the fleet reads the cluster, until the run ends. */
    private void driven(long run, String end) {
        await().atMost(WAIT).until(() -> {
            supervisor.round();
            Demo.clock().advanceSeconds(30);
            Demo.fleetRead();
            return List.of("PROVEN", "FAILED", "SKIPPED").contains(state(run));
        });
        assertThat(state(run)).isEqualTo(end);
    }

    private static String state(long run) {
        return AuditSql.rows("SELECT state FROM drill_run WHERE id = " + run).get(0).get("state");
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

    // ---- what arrived

    private List<WebhookReceiver.Received> newEvents(String kind) {
        return receiver.of(kind).stream().filter(r -> r.eventId() > baseline).toList();
    }

    /** Each kind arrived exactly once (also while the delivery workers keep running), signed. */
    private void assertOnce(String... kinds) {
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> java.util.Arrays.stream(kinds)
                .allMatch(k -> newEvents(k).size() == 1));
        assertThat(receiver.received()).allMatch(r -> r.signedWith(AlertFixture.KEY), "signed with the key");
    }

    private static String scrape() {
        return io.restassured.RestAssured.given().port(managementPort()).get("/q/metrics").then().statusCode(200).extract()
                .asString();
    }

    private static int managementPort() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    private static double metric(String metrics, String series) {
        Double value = metricOrNull(metrics, series);
        assertThat(value).as(series + " in\n" + metrics.lines().filter(l -> l.startsWith("obconsole_drill")).toList())
                .isNotNull();
        return value;
    }

    private static Double metricOrNull(String metrics, String series) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+|NaN)$").matcher(metrics);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
