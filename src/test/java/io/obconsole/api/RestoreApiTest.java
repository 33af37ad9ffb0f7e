package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.obconsole.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restores through /api/v1 with real tokens, the audit database and the demo cluster (manual
 * clock): each refusal, a restore watched to its end, cancel and activate, and what people who
 * may not see a source or restore into a cluster are told.
 */
@QuarkusTest
class RestoreApiTest {

    @BeforeAll
    static void asTheScenarioStarts() {
        // an earlier class may have backed mysql_tenant up with a password (StartBackupPageTest does):
        // every restore of it would then need the decryption these tests leave out
        Demo.restartFromScenario();
    }

    @BeforeEach
    void freshCluster() {
        ApiFixture.resetCluster();
    }

    @AfterEach
    void putBack() {
        ApiFixture.resetCluster();
    }

    static Map<String, Object> restore(String newTenant, String... more) {
        Map<String, Object> body = new HashMap<>(Map.of("sourceCluster", "demo", "sourceTenant", "mysql_tenant",
                "targetCluster", "demo", "newTenant", newTenant, "newPool", newTenant + "_rpool", "newUnit",
                newTenant + "_runit"));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    static Response post(String user, Object body) {
        return as(user).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/restores");
    }

    private static List<String> restoresReceived() {
        return control().statementsReceived().stream().filter(s -> s.startsWith("ALTER SYSTEM RESTORE")).toList();
    }

    /** The restore's status as the API shows it, after the demo's time moved on and the fleet read it again. */
    static String statusAfter(String tenant, int seconds) {
        Demo.clock().advanceSeconds(seconds);
        Demo.fleetRead();
        List<String> statuses = as("ada").get("/api/v1/restores?tenant=" + tenant).then().statusCode(200).extract()
                .jsonPath().getList("status");
        return statuses.isEmpty() ? "none" : statuses.get(0);
    }

    /** Starts a restore as {@code user}; the RESTORE then waits for the tenant, which the demo's clock brings. */
    private static Response started(String user, Map<String, Object> body) {
        Response response = post(user, body);
        Demo.clock().advanceSeconds(10);
        return response;
    }

    private static void restoredToTheEnd(String tenant) {
        await().atMost(Duration.ofSeconds(90)).until(() -> statusAfter(tenant, 30).equals("SUCCESS"));
    }

    // ---- a restore watched to the end, then activated

    @Test
    void aRestoreIsAcceptedWatchedToSuccessAndActivated() {
        started("ada", restore("restored_a", "concurrency", "4")).then().statusCode(202)
                .body("tenant", equalTo("restored_a")).body("key", startsWith("restore:demo/"))
                .body("statements", hasItem(startsWith("CREATE RESOURCE UNIT restored_a_runit MAX_CPU = 4")))
                .body("statements", hasItem(containsString("CREATE RESOURCE POOL restored_a_rpool UNIT = 'restored_a_runit'")))
                .body("statements", hasItem(containsString(
                        "FROM 'file:///data/backup/mysql_tenant,file:///data/archive/mysql_tenant' UNTIL SCN=")));
        assertThat(restoresReceived()).singleElement().asString()
                .startsWith("ALTER SYSTEM RESTORE restored_a FROM ")
                .endsWith("WITH 'pool_list=restored_a_rpool&concurrency=4'");

        await().atMost(Duration.ofSeconds(30)).until(() -> statusAfter("restored_a", 1).equals("RESTORING"));
        restoredToTheEnd("restored_a");
        as("ada").get("/api/v1/restores?tenant=restored_a").then()
                .body("[0].dataPercent", equalTo(100.0f)).body("[0].running", equalTo(false))
                .body("[0].explanation", containsString("STANDBY"));

        as("ada").post("/api/v1/clusters/demo/restores/restored_a/activate").then().statusCode(202)
                .body("roleBefore", equalTo("STANDBY")).body("roleAfter", equalTo("PRIMARY"))
                .body("statements", equalTo(List.of("ALTER SYSTEM ACTIVATE STANDBY TENANT = restored_a")));
        assertThat(control().statementsReceived()).contains("ALTER SYSTEM ACTIVATE STANDBY TENANT = restored_a");
        as("ada").post("/api/v1/clusters/demo/restores/restored_a/activate").then().statusCode(502)
                .body("obCode", equalTo(4179)).body("explanation", containsString("not a STANDBY"));
    }

    @Test
    void cancelDropsTheTenantBeingRestoredAndKeepsItsPool() {
        started("ada", restore("doomed")).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusAfter("doomed", 1).equals("RESTORING"));

        as("ada").post("/api/v1/clusters/demo/restores/doomed/cancel").then().statusCode(202)
                .body("roleBefore", equalTo("RESTORE")).body("roleAfter", equalTo(null));

        assertThat(control().statementsReceived()).contains("ALTER SYSTEM CANCEL RESTORE doomed");
        assertThat(statusAfter("doomed", 1)).isEqualTo("FAIL");
        as("ada").get("/api/v1/restores?tenant=doomed").then().body("[0].comment", equalTo("physical restore canceled"))
                .body("[0].explanation", containsString("kept its resource pools"));
        assertThat(Demo.query("SELECT TENANT_ID FROM oceanbase.DBA_OB_RESOURCE_POOLS WHERE NAME = 'doomed_rpool'"))
                .singleElement().satisfies(row -> assertThat(row.get("TENANT_ID")).isNull());
        as("ada").post("/api/v1/clusters/demo/restores/doomed/cancel").then().statusCode(404);
    }

    @Test
    void aNameRestoredAgainAfterACancelKeepsBothRowsEachWithItsOwnElementIdOnTheJobsPage() {
        started("ada", restore("twice")).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusAfter("twice", 1).equals("RESTORING"));
        as("ada").post("/api/v1/clusters/demo/restores/twice/cancel").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusAfter("twice", 1).equals("FAIL"));
        started("ada", restore("twice", "newPool", "twice_rpool2", "newUnit", "twice_runit2")).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("ada").get("/api/v1/restores?tenant=twice").then()
                .extract().jsonPath().getList("status").size() == 2);

        String page = io.obconsole.testing.WebSession.signIn("ada").get("/jobs").then().statusCode(200).extract().asString();
        List<String> ids = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
        assertThat(ids.stream().filter(id -> id.startsWith("restore:demo/"))).as("the two restores' rows").hasSize(2);
        assertThat(ids).as("element ids on the Jobs page").doesNotHaveDuplicates();
    }

    // ---- refusals

    @Test
    void aPointOutsideTheWindowIsRefusedBeforeAnythingRuns() {
        post("ada", restore("too_old", "untilTime", "2020-01-01T00:00:00Z")).then().statusCode(422)
                .body("error", equalTo("POINT_NOT_RESTORABLE"))
                .body("detail", containsString("before the earliest restorable point"));
        assertThat(control().statementsReceived()).noneMatch(s -> s.startsWith("CREATE RESOURCE")
                || s.startsWith("ALTER SYSTEM RESTORE"));
        assertThat(AuditSql.rows("SELECT outcome FROM audit_record WHERE action_name = 'RESTORE' ORDER BY id DESC LIMIT 1"))
                .singleElement().satisfies(r -> assertThat(r.values()).contains("REFUSED_BY_PREFLIGHT"));
    }

    @Test
    void aTakenNameIsOceanBases4179Explained() {
        post("ada", restore("oracle_tenant")).then().statusCode(502).body("obCode", equalTo(4179))
                .body("obText", containsString("restore tenant with existed tenant name is not allowed"))
                .body("explanation", containsString("already exists"));
    }

    @Test
    void aSecondRestoreOfTheSameNameWhileTheFirstCreatesItsTenantIs9014() throws Exception {
        post("ada", restore("twin")).then().statusCode(202);
        post("ada", restore("twin", "newPool", "twin_pool2", "newUnit", "twin_unit2")).then().statusCode(502)
                .body("obCode", equalTo(9014)).body("explanation", containsString("already running"));
        Demo.clock().advanceSeconds(10);
    }

    @Test
    void badInputIsRefusedWithoutAStatement() {
        post("ada", restore("bad-name")).then().statusCode(400).body("error", equalTo("INVALID_NAME"));
        post("ada", restore("ok_name", "concurrency", "101")).then().statusCode(400).body("error", equalTo("INVALID_REQUEST"));
        Map<String, Object> missingPool = restore("ok_name", "pool", "no_such_pool");
        missingPool.remove("newPool");
        missingPool.remove("newUnit");
        post("ada", missingPool).then().statusCode(400).body("detail", containsString("no resource pool named 'no_such_pool'"));
        // a time no SCN can hold is bad input like any other, not a failure of the console
        post("ada", restore("ok_name", "untilTime", "2300-01-01T00:00:00Z")).then().statusCode(400)
                .body("error", equalTo("INVALID_REQUEST")).body("detail", containsString("later than the last point an SCN can hold"));
        assertThat(control().statementsReceived()).noneMatch(s -> s.startsWith("ALTER SYSTEM RESTORE") || s.startsWith("CREATE"));
    }

    @Test
    void anEncryptedBackupNeedsItsPasswordWhichIsNeverShownLoggedOrAudited() {
        String password = "R3store-" + UUID.randomUUID();
        ApiFixture.start("ada", "demo", Map.of("type", "FULL", "tenants", List.of("oracle_tenant"),
                "encryptionPassword", password, "encryptionPasswordConfirmation", password)).then().statusCode(202);
        Demo.clock().advanceSeconds(120);
        Demo.fleetRead();
        Map<String, Object> body = restore("secret_copy", "sourceTenant", "oracle_tenant");

        post("ada", body).then().statusCode(400).body("detail", containsString("encrypted"));
        body.put("decryptionPasswords", List.of("wrong"));
        post("ada", body).then().statusCode(502).body("obCode", equalTo(9047))
                .body("explanation", containsString("no password given for it is right"));
        try (LogCapture log = LogCapture.start()) {
            body.put("decryptionPasswords", List.of(password));
            body.put("newPool", "secret_pool2");
            body.put("newUnit", "secret_unit2");
            String answer = started("ada", body).then().statusCode(202)
                    .body("statements", hasItem("SET DECRYPTION IDENTIFIED BY '***'")).extract().asString();
            String audit = as("ada").get("/api/v1/audit?actor=ada&size=200").then().statusCode(200).extract().asString();
            assertThat(audit).contains("1 password(s) set");
            assertThat(List.of(answer, audit, String.join("\n", AuditSql.rows("SELECT * FROM audit_record").stream()
                    .map(Object::toString).toList()))).noneMatch(text -> text.contains(password));
            assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(password));
        }
    }

    // ---- who may restore

    @Test
    void ritaRestoresInDemoButAnUnseenSourceOrTargetReadsAsAnUnknownOne() {
        String unseen = post("rita", restore("r1", "sourceCluster", "legacy", "sourceTenant", "erp")).then().statusCode(404)
                .extract().path("detail");
        String unknown = post("rita", restore("r1", "sourceCluster", "legacy", "sourceTenant", "nobody")).then()
                .statusCode(404).extract().path("detail");
        assertThat(unseen).isEqualTo("Cluster 'legacy' has no user tenant named 'erp'");
        assertThat(unknown).isEqualTo("Cluster 'legacy' has no user tenant named 'nobody'");

        String hiddenTarget = post("rita", restore("r1", "targetCluster", "legacy")).then().statusCode(404)
                .extract().path("detail");
        String noTarget = post("rita", restore("r1", "targetCluster", "nowhere")).then().statusCode(404)
                .extract().path("detail");
        assertThat(hiddenTarget).isEqualTo("No cluster named 'legacy' is configured");
        assertThat(noTarget).isEqualTo("No cluster named 'nowhere' is configured");

        post("otto", restore("r1")).then().statusCode(404).body("error", equalTo("UNKNOWN_CLUSTER"));
        post("vera", restore("r1")).then().statusCode(404).body("error", equalTo("UNKNOWN_CLUSTER"));
        assertThat(restoresReceived()).isEmpty();
        assertThat(AuditSql.rows("SELECT outcome FROM audit_record WHERE actor_username = 'rita' AND action_name = "
                + "'RESTORE' AND outcome = 'REFUSED_FORBIDDEN'")).hasSize(3);

        started("rita", restore("rita_copy")).then().statusCode(202);
        as("rita").get("/api/v1/restores").then().statusCode(200).body("tenant", hasItem("rita_copy"));
        as("otto").get("/api/v1/restores").then().statusCode(200).body("tenant", org.hamcrest.Matchers.not(hasItem("rita_copy")));
        as("otto").post("/api/v1/clusters/demo/restores/rita_copy/cancel").then().statusCode(404);
        as("rita").post("/api/v1/clusters/demo/restores/rita_copy/cancel").then().statusCode(202);
    }

    @Test
    void aRepeatedSubmitWithTheSameKeyStartsOneRestore() {
        String key = UUID.randomUUID().toString();
        long first = as("ada").header("Idempotency-Key", key).body(restore("once")).post("/api/v1/restores").then()
                .statusCode(202).extract().jsonPath().getLong("jobId");
        long again = as("ada").header("Idempotency-Key", key).body(restore("once")).post("/api/v1/restores").then()
                .statusCode(202).extract().jsonPath().getLong("jobId");
        assertThat(again).isEqualTo(first);
        assertThat(restoresReceived()).hasSize(1);
        Demo.clock().advanceSeconds(10);
    }
}
