package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact words a refused request gets, through the API and the pages: the shape checks are
 * declared on the bodies and forms (issue 20, point 7) and must say what the checks by hand said.
 */
@QuarkusTest
class RefusalWordingTest {

    private static final String API = "/api/v1/policies/demo/mysql_tenant";
    private static final String PAGE = "/clusters/demo/tenants/mysql_tenant/policy";
    private static final String DRILL_API = "/api/v1/drill-policies/demo/mysql_tenant";
    private static final String CRON_RULE = "Not a valid cron expression (Quartz format, seconds first, e.g. '0 30 2 ? * MON-FRI')";

    @BeforeEach
    @AfterEach
    void noPolicy() {
        as("ada").delete(API);
        as("ada").delete(DRILL_API);
    }

    private static Map<String, Object> nightly(String key, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("full", Map.of("cron", "0 0 1 * * ?"));
        body.put(key, value);
        return body;
    }

    private static void refused(Map<String, ?> body, String detail) {
        as("ada").body(body).put(API).then().statusCode(400).body("error", equalTo("INVALID_REQUEST"))
                .body("title", equalTo("The request is not valid")).body("detail", equalTo(detail));
    }

    @Test
    void eachFieldOfTheBodyIsRefusedWithTheWordsOfItsRule() {
        refused(Map.of("full", Map.of("cron", "every night")), CRON_RULE + ": every night");
        refused(Map.of("incremental", Map.of("days", List.of("MON", "FUNDAY"), "time", "02:00")), "Not a day of the week: FUNDAY");
        refused(Map.of("full", Map.of("days", List.of("MON"), "time", "2am")), "Not a time of day (HH:MM): 2am");
        refused(nightly("timeZone", "Mars/Olympus"), "Not a time zone name (e.g. Europe/Berlin, UTC): Mars/Olympus");
        refused(nightly("concurrency", 150),
                "Backup concurrency must be a whole number from 0 to 100 (0 = OceanBase's default); got 150");
        refused(nightly("concurrency", -1),
                "Backup concurrency must be a whole number from 0 to 100 (0 = OceanBase's default); got -1");
        refused(nightly("descriptionTemplate", "d".repeat(201)), "A description template may have at most 200 characters");
        refused(nightly("encryptionSecret", "../etc/passwd"), "A secret's name has 1 to 64 characters: lower-case "
                + "letters, digits, '-' and '_', starting with a letter or digit");
        refused(nightly("objective", Map.of("maxBackupAge", "26 hours")),
                "maxBackupAge must be an ISO-8601 duration such as PT12H, P1D or P7D, not '26 hours'");
        refused(nightly("objective", Map.of("maxFullAge", "PT10S")),
                "maxFullAge must be between PT1M and P366D (PT0S: no objective for it)");
        refused(Map.of("full", Map.of("cron", "x".repeat(200))), CRON_RULE + ": " + "x".repeat(60) + "…");
        as("ada").contentType("application/json").put(API).then().statusCode(400)
                .body("error", equalTo("INVALID_REQUEST")).body("detail", equalTo("Send the policy as JSON"));
        as("ada").get(API).then().statusCode(404);
    }

    @Test
    void whatTheBodyMayLeaveOutOrPadIsStillAccepted() {
        Map<String, Object> body = nightly("encryptionSecret", "  ");
        body.put("timeZone", " Europe/Berlin ");
        body.put("descriptionTemplate", "d".repeat(200));
        // a policy sets recovery-point figures only: the restore figures of the shared objective are not read
        body.put("objective", Map.of("maxBackupAge", " pt12h ", "maxRestoreTime", "whenever"));
        body.put("incremental", Map.of("days", List.of("tuesday", " "), "time", " 03:15 "));
        as("ada").body(body).put(API).then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"))
                .body("objective.maxBackupAge", equalTo("PT12H")).body("incremental.time", equalTo("03:15"));
    }

    private static void drillRefused(Map<String, ?> body, String detail) {
        as("ada").body(body).put(DRILL_API).then().statusCode(400).body("error", equalTo("INVALID_REQUEST"))
                .body("detail", equalTo(detail));
    }

    @Test
    void aDrillPolicyBodyIsRefusedInTheSameWords() {
        drillRefused(DrillPolicyApiTest.weekly("point", "SOMETIME"), "point is LATEST or RANDOM");
        drillRefused(DrillPolicyApiTest.weekly("timeLimit", "soon"), "timeLimit is an ISO-8601 duration such as PT30M");
        drillRefused(DrillPolicyApiTest.weekly("concurrency", "101"),
                "Restore concurrency must be a whole number from 0 to 100 (0 = OceanBase's default); got 101");
        drillRefused(DrillPolicyApiTest.weekly("timeZone", "Mars/Olympus"),
                "Not a time zone name (e.g. Europe/Berlin, UTC): Mars/Olympus");
        drillRefused(DrillPolicyApiTest.weekly("decryptionSecret", "Nightly Key"), "A secret's name has 1 to 64 "
                + "characters: lower-case letters, digits, '-' and '_', starting with a letter or digit");
        Map<String, Object> badDay = DrillPolicyApiTest.weekly();
        badDay.put("schedule", Map.of("days", List.of("SOMEDAY"), "time", "04:00"));
        drillRefused(badDay, "Not a day of the week: SOMEDAY");
        as("ada").contentType("application/json").put(DRILL_API).then().statusCode(400)
                .body("detail", equalTo("Send the drill policy as JSON"));
        // operators may not manage drill policies: forbidden before the body is read
        as("otto").body(DrillPolicyApiTest.weekly("point", "SOMETIME")).put(DRILL_API).then().statusCode(403);
        // a point in any case, a limit in any case, are what they were
        as("ada").body(DrillPolicyApiTest.weekly("point", " random ", "timeLimit", "pt45m")).put(DRILL_API).then()
                .statusCode(200).body("point", equalTo("RANDOM")).body("timeLimitSeconds", equalTo(2700));
    }

    @Test
    void theDrillFormSaysTheSame() {
        WebSession ada = WebSession.signIn("ada");
        ada.open("/drills/new");
        Map<String, Object> form = new HashMap<>(Map.of("target", "demo/mysql_tenant", "drillDays", List.of("SAT"),
                "drillTime", "03:15", "timeZone", "UTC", "drillCluster", "demo", "point", "RANDOM",
                "timeLimitMinutes", "45", "concurrency", "lots"));
        Response concurrency = ada.post("/drills", form);
        assertThat(concurrency.statusCode()).isEqualTo(400);
        assertThat(concurrency.asString()).contains(
                "id=\"drill-error\">Restore concurrency must be a whole number from 0 to 100; got &#39;lots&#39;<");
        form.put("concurrency", "8");
        form.put("point", "SOMETIME");
        assertThat(ada.post("/drills", form).asString()).contains(
                "id=\"drill-error\">Choose the point to restore: the latest, or a random point in the window<");
        form.put("point", "RANDOM");
        form.put("timeLimitMinutes", " an hour ");
        assertThat(ada.post("/drills", form).asString()).contains("id=\"drill-error\">The time limit is a whole number "
                + "of minutes, from 1 to 2880 (two days); got &#39;an hour&#39;<");
        form.put("timeLimitMinutes", "45");
        form.put("concurrency", "101");
        assertThat(ada.post("/drills", form).asString()).contains("id=\"drill-error\">Restore concurrency must be a "
                + "whole number from 0 to 100 (0 = OceanBase&#39;s default); got 101<");
        as("ada").get(DRILL_API).then().statusCode(404);
    }

    @Test
    void aBackupOrCancelBodyIsRefusedInTheSameWords() {
        String backups = "/api/v1/clusters/demo/backups";
        Map<String, Object> weekly = Map.of("tenants", List.of("mysql_tenant"), "type", "WEEKLY");
        for (String path : List.of(backups, "/api/v1/clusters/demo/preflight")) {
            as("ada").header("Idempotency-Key", UUID.randomUUID().toString()).body(weekly).post(path).then()
                    .statusCode(400).body("error", equalTo("INVALID_REQUEST"))
                    .body("detail", equalTo("type is FULL or INCREMENTAL, not 'WEEKLY'"));
        }
        as("ada").header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("tenants", List.of("mysql_tenant")))
                .post(backups).then().statusCode(400).body("detail", equalTo("type is FULL or INCREMENTAL"));
        List<String> aNull = new java.util.ArrayList<>();
        aNull.add(null);
        as("ada").header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("tenants", aNull, "type", "FULL"))
                .post(backups).then().statusCode(400).body("detail", equalTo("tenants holds a null; give tenant names"));
        as("ada").header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("tenants", aNull))
                .post(backups + "/cancel").then().statusCode(400)
                .body("detail", equalTo("tenants holds a null; give tenant names"));
    }

    @Test
    void archivingNeedsToBeToldOnOrOff() {
        String archivelog = "/api/v1/clusters/demo/tenants/mysql_tenant/setup/archivelog";
        as("ada").body(Map.of()).put(archivelog).then().statusCode(400).body("error", equalTo("INVALID_REQUEST"))
                .body("detail", equalTo("Say enabled: true (start archiving) or false (stop it)"));
        as("ada").contentType("application/json").put(archivelog).then().statusCode(400)
                .body("detail", equalTo("Say enabled: true (start archiving) or false (stop it)"));
    }

    @Test
    void aTenantsOwnObjectiveIsRefusedInTheSameWords() {
        String objective = "/api/v1/objectives/demo/mysql_tenant";
        // the board knows the tenant once a round has evaluated it
        await().atMost(Duration.ofSeconds(60)).until(() -> as("ada").get(objective).statusCode() == 200);
        as("ada").body(Map.of("maxRestoreTime", "soon")).put(objective).then().statusCode(400)
                .body("error", equalTo("INVALID_REQUEST"))
                .body("detail", equalTo("maxRestoreTime must be an ISO-8601 duration such as PT12H, P1D or P7D, not 'soon'"));
        as("ada").body(Map.of("provenWithin", "P400D")).put(objective).then().statusCode(400)
                .body("detail", equalTo("provenWithin must be between PT1M and P366D (PT0S: no objective for it)"));
        // forbidden before the input is read: an operator learns nothing about it
        as("otto").body(Map.of("maxRestoreTime", "soon")).put(objective).then().statusCode(403);
        // the tenant page's form says the same
        WebSession ada = WebSession.signIn("ada");
        ada.open("/clusters/demo/tenants/mysql_tenant");
        Response page = ada.post("/clusters/demo/tenants/mysql_tenant/objective", Map.of("maxFullAge", "a week"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString()).contains("maxFullAge must be an ISO-8601 duration such as PT12H, P1D or P7D, "
                + "not &#39;a week&#39;");
    }

    @Test
    void theFormSaysTheSameAndReadsTheConcurrencyFirst() {
        WebSession otto = WebSession.signIn("otto");
        otto.open(PAGE);
        Response notANumber = otto.post(PAGE, Map.of("fullDays", "MON", "fullTime", "02:30", "concurrency", "ten"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.asString()).contains(
                "id=\"policy-error\">Backup concurrency must be a whole number from 0 to 100</p>");
        Response outOfRange = otto.post(PAGE, Map.of("fullDays", "MON", "fullTime", "02:30", "concurrency", " 101 "));
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.asString()).contains("Backup concurrency must be a whole number from 0 to 100 (0 = "
                + "OceanBase&#39;s default); got 101</p>").contains("value=\"101\"");
        Response badDay = otto.post(PAGE, Map.of("fullDays", List.of("MON", "SUNDAE"), "fullTime", "02:30"));
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.asString()).contains("id=\"policy-error\">Not a day of the week: SUNDAE</p>");
        Response badLimit = otto.post(PAGE, Map.of("fullDays", "MON", "fullTime", "02:30", "maxArchiveLag", "P400D"));
        assertThat(badLimit.asString())
                .contains("id=\"policy-error\">maxArchiveLag must be between PT1M and P366D (PT0S: no objective for it)</p>");
        // a viewer learns nothing of the input: refused as forbidden, before any shape check but the number's
        WebSession vera = WebSession.signIn("vera");
        vera.open(PAGE);
        assertThat(vera.post(PAGE, Map.of("fullCron", "every night")).statusCode()).isEqualTo(403);
        as("ada").get(API).then().statusCode(404);
    }

    private static Map<String, Object> restore(Object... pairs) {
        Map<String, Object> body = new HashMap<>(Map.of("sourceCluster", "demo", "sourceTenant", "mysql_tenant",
                "targetCluster", "demo", "newTenant", "wording_copy", "pool", "wording_pool"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                body.remove((String) pairs[i]);
            } else {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }

    private static void restoreRefused(Map<String, ?> body, String detail) {
        as("ada").body(body).post("/api/v1/restores/plan").then().statusCode(400).body("error", equalTo("INVALID_REQUEST"))
                .body("title", equalTo("The request is not valid")).body("detail", equalTo(detail));
    }

    @Test
    void aRestoreBodyIsRefusedInTheSameWords() {
        restoreRefused(restore("untilTime", "yesterday"),
                "untilTime is an ISO-8601 time with its offset, e.g. 2024-05-20T09:00:00Z");
        restoreRefused(restore("untilScn", "12ab"), "An SCN is a whole number of up to 19 digits, e.g. 1676908801000000000");
        restoreRefused(restore("untilScn", "99999999999999999999"),
                "An SCN is a whole number of up to 19 digits, e.g. 1676908801000000000");
        restoreRefused(restore("untilScn", "9999999999999999999"), "An SCN is at most " + Long.MAX_VALUE);
        restoreRefused(restore("untilScn", "0"), "An SCN is a positive whole number (nanoseconds since 1970-01-01 UTC)");
        restoreRefused(restore("untilTime", "2024-05-20T09:00:00Z", "untilScn", "1676908801000000000"),
                "Give untilTime or untilScn, not both");
        restoreRefused(restore("newPool", "wording_new_pool", "newUnit", "wording_unit"),
                "Give either pool (an existing free pool) or newPool and newUnit");
        restoreRefused(restore("pool", null), "Give either pool (an existing free pool) or newPool and newUnit");
        restoreRefused(restore("pool", null, "newPool", "wording_new_pool"),
                "newPool needs newUnit, the name of the resource unit to create");
        restoreRefused(restore("decryptionPasswords", List.of("")), "decryptionPasswords holds an empty password");
        restoreRefused(restore("sourceCluster", null, "sourceTenant", null, "sourceDataUri", "file:///data/backup/x"),
                "A source given by URIs needs both its data backup destination URI (sourceDataUri) and its log archive "
                        + "destination URI (sourceArchiveUri)");
    }

    @Test
    void theRestoreFormSaysTheSame() {
        WebSession ada = WebSession.signIn("ada");
        ada.open("/restores/new");
        Map<String, Object> form = new HashMap<>(Map.of("sourceKind", "tenant", "source", "demo/mysql_tenant",
                "targetCluster", "demo", "newTenant", "wording_copy", "poolMode", "existing", "pool", "wording_pool",
                "pointMode", "latest"));
        form.put("sourceKind", "uris");
        assertThat(restoreError(ada, form)).isEqualTo("Give the backup&#39;s data destination URI and its archive "
                + "destination URI");
        form.put("sourceKind", "tenant");
        form.put("source", "mysql_tenant");
        assertThat(restoreError(ada, form)).isEqualTo("Choose the tenant to restore from");
        form.put("source", "demo/mysql_tenant");
        form.put("pointMode", "time");
        String timeRule = "The time is a date and time such as 2024-05-20T09:00 in a zone such as Europe/Berlin or +02:00";
        form.put("time", "soon");
        assertThat(restoreError(ada, form)).isEqualTo(timeRule);
        form.put("time", "2024-05-20T09:00");
        form.put("zone", "Mars/Olympus");
        assertThat(restoreError(ada, form)).isEqualTo(timeRule);
        form.put("pointMode", "scn");
        form.put("scn", "x");
        assertThat(restoreError(ada, form)).isEqualTo("An SCN is a whole number of up to 19 digits, e.g. "
                + "1676908801000000000");
        form.put("pointMode", "latest");
        form.put("concurrency", "lots");
        assertThat(restoreError(ada, form)).isEqualTo("Concurrency is a whole number from 0 to 100");
    }

    /** The refusal the restore wizard shows above its fields (it answers 200 and keeps what was typed). */
    private static String restoreError(WebSession session, Map<String, ?> form) {
        Response page = session.post("/restores/review", form);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        String marker = "id=\"restore-error\">";
        int start = html.indexOf(marker);
        assertThat(start).as("the wizard shows a refusal").isNotNegative();
        return html.substring(start + marker.length(), html.indexOf("</p>", start));
    }

    @Test
    void theStartFormAndItsPreflightSayTheSame() {
        WebSession otto = WebSession.signIn("otto");
        otto.open("/backups/new");
        Map<String, Object> form = new HashMap<>(Map.of("cluster", "demo", "tenants", "mysql_tenant", "type", "WEEKLY"));
        Response weekly = otto.post("/backups/review", form);
        assertThat(weekly.statusCode()).isEqualTo(400);
        assertThat(weekly.asString()).contains("id=\"form-error\">Choose FULL or INCREMENTAL</p>");
        form.put("type", "FULL");
        form.put("concurrency", "ten");
        Response ten = otto.post("/backups/review", form);
        assertThat(ten.statusCode()).isEqualTo(400);
        assertThat(ten.asString()).contains("id=\"form-error\">Backup concurrency must be a whole number from 0 to 100 "
                + "(0 = OceanBase&#39;s default), or empty to leave it as it is</p>");
        Response preflight = otto.get("/backups/preflight?cluster=demo&tenants=mysql_tenant&type=WEEKLY");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.asString()).contains("id=\"preflight-error\">Choose FULL or INCREMENTAL</p>");
        // a tenant outside the operator's scope is refused before the form is read
        form.put("tenants", "payroll_tenant");
        form.put("cluster", "payroll");
        assertThat(otto.post("/backups/review", form).statusCode()).isEqualTo(403);
    }

    @Test
    void aSetupChangeWithoutItsActionIsRefusedInTheSameWords() {
        String setup = "/clusters/demo/tenants/mysql_tenant/setup";
        as("ada").body(Map.of("value", "file:///data/backup/mysql_tenant")).post("/api/v1" + setup + "/plan").then()
                .statusCode(400).body("error", equalTo("INVALID_REQUEST")).body("detail", equalTo("Say which set-up change to make"));
        WebSession ada = WebSession.signIn("ada");
        ada.open(setup);
        Response page = ada.post(setup + "/review", Map.of("value", "file:///data/backup/mysql_tenant"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString()).contains("id=\"setup-error\">Say which set-up change to make</p>");
    }
}
