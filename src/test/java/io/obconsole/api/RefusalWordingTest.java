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
}
