package io.obconsole.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.access.Operator;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.testing.Tokens;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit page as a reader uses it: every kind of action in the Action filter, the Actor filter
 * that finds what a policy did for its owner, empty values that print a dash, and refusals of
 * invalid input recorded without the input.
 */
@QuarkusTest
class AuditPageReadingTest {

    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\"");

    @Inject
    AuditTrail trail;

    @Inject
    io.obconsole.alert.ObjectiveWatch watch;

    @Inject
    io.obconsole.progress.ProgressPoller poller;

    private boolean objectiveSet;

    @AfterEach
    void resetTheObjectiveThisClassSet() {
        if (objectiveSet) {
            given().auth().oauth2(Tokens.accessToken("ada")).delete("/api/v1/objectives/demo/oracle_tenant").then().statusCode(200);
        }
    }

    /** The objective board has evaluated demo/oracle_tenant (as AlertAccessTest does), so its objective can be set. */
    private void objectiveBoardKnowsOracleTenant() throws Exception {
        poller.refreshNow("demo").get(30, java.util.concurrent.TimeUnit.SECONDS);
        watch.round();
    }

    private static String row(String page, long id) {
        Matcher m = Pattern.compile("(?s)<tr data-audit-id=\"" + id + "\">(.*?)</tr>").matcher(page);
        assertThat(m.find()).as("record %s on the page", id).isTrue();
        return m.group(1);
    }

    private static List<String> actionOptions(String page) {
        Matcher select = Pattern.compile("(?s)<select id=\"a-action\"[^>]*>(.*?)</select>").matcher(page);
        assertThat(select.find()).as("the Action filter").isTrue();
        List<String> values = new ArrayList<>();
        Matcher option = OPTION.matcher(select.group(1));
        while (option.find()) {
            values.add(option.group(1));
        }
        return values;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theActionFilterOffersEveryKindOfActionTheTrailRecords() {
        String page = WebSession.signIn("vera").open("/audit").asString();

        assertThat(actionOptions(page)).contains("BACKUP_FULL", "BACKUP_INCREMENTAL", "CANCEL", "BACKUP_JOB",
                "PREFLIGHT", "SETUP_DATA_BACKUP_DEST", "SETUP_LOG_ARCHIVE_DEST", "SETUP_ARCHIVELOG",
                "SETUP_NOARCHIVELOG", "SETUP_DELETE_POLICY", "SETUP_DROP_DELETE_POLICY", "POLICY_CREATE",
                "POLICY_CHANGE", "POLICY_DELETE", "POLICY_PAUSE", "POLICY_RESUME", "OBJECTIVE_SET", "OBJECTIVE_RESET",
                "ALERT_CHANNEL_CREATE", "ALERT_CHANNEL_TEST", "WATCH_PROGRESS", "RESTORE", "RESTORE_CANCEL",
                "RESTORE_ACTIVATE", "DRILL_POLICY_CREATE", "DRILL_RUN_NOW", "DRILL_CHECK", "DRILL_CLEANUP");
        assertThat(actionOptions(page)).as("every kind of action the trail can hold, and 'any'")
                .containsAll(java.util.Arrays.stream(AuditAction.values()).map(Enum::name).toList())
                .hasSize(AuditAction.values().length + 1);
    }

    @Test
    void theActorFilterFindsWhatAPolicyDidOnBehalfOfItsOwner() {
        String owner = "owner" + System.nanoTime();
        Operator policy = new Operator("policy 91 on behalf of " + owner, "sub-" + owner, Set.of("backup-operator"),
                List.of("demo/*"), null);
        long run = trail.recordIntent(new ActionIntent(policy, AuditAction.BACKUP_FULL, "demo", List.of("mysql_tenant"), Map.of(),
                null));
        WebSession vera = WebSession.signIn("vera");

        String byFullName = vera.open("/audit?actor=" + encoded("policy 91 on behalf of " + owner)).asString();
        String byOwner = vera.open("/audit?actor=" + owner).asString();

        assertThat(byFullName).contains("data-audit-id=\"" + run + "\"");
        assertThat(byOwner).contains("data-audit-id=\"" + run + "\"");
        assertThat(vera.open("/audit?actor=" + encoded("policy 9 on behalf of " + owner)).asString())
                .doesNotContain("data-audit-id=\"" + run + "\"");
    }

    @Test
    void emptyValuesPrintNothingNotNull() throws Exception {
        objectiveBoardKnowsOracleTenant();
        given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body(Map.of("maxBackupAge", "PT12H")).put("/api/v1/objectives/demo/oracle_tenant").then().statusCode(200);
        objectiveSet = true;
        long id = given().auth().oauth2(Tokens.accessToken("ada")).queryParam("actor", "ada")
                .queryParam("action", "OBJECTIVE_SET").queryParam("tenant", "oracle_tenant").queryParam("outcome", "INTENDED")
                .get("/api/v1/audit").then().statusCode(200).extract().<Number>path("records[0].id").longValue();

        String page = WebSession.signIn("vera").open("/audit?action=OBJECTIVE_SET&tenant=oracle_tenant").asString();

        String record = text(row(page, id));
        assertThat(record).contains("maxBackupAge: PT12H").doesNotContainIgnoringCase("null");
    }

    @Test
    void aRecordThatNamesNoClusterNorTenantShowsADashInThoseColumns() {
        Operator admin = new Operator("ada", "sub-ada", Set.of("backup-admin"), List.of(), "127.0.0.1");
        long id = trail.recordIntent(new ActionIntent(admin, AuditAction.ALERT_CHANNEL_CREATE, "", List.of(),
                Map.of("name", "dash" + System.nanoTime(), "url", ""), null));

        String page = WebSession.signIn("ada").open("/audit?action=ALERT_CHANNEL_CREATE&actor=ada").asString();

        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(row(page, id));
        while (cell.find()) {
            cells.add(text(cell.group(1)));
        }
        assertThat(cells.get(4)).as("Cluster").isEqualTo("\u2013");
        assertThat(cells.get(5)).as("Tenants").isEqualTo("\u2013");
        assertThat(cells.get(8)).as("Details").contains("url: \u2013").doesNotContainIgnoringCase("null");
    }

    @Test
    void aRefusedInvalidRequestIsRecordedWithTheReasonButNeverTheRefusedInput() throws Exception {
        String refusedInput = "P1Dwords" + System.nanoTime();
        objectiveBoardKnowsOracleTenant();
        given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body(Map.of("maxBackupAge", refusedInput)).put("/api/v1/objectives/demo/oracle_tenant").then().statusCode(400);

        Map<String, Object> refusal = given().auth().oauth2(Tokens.accessToken("ada")).queryParam("actor", "ada")
                .queryParam("action", "OBJECTIVE_SET").queryParam("outcome", "REFUSED_INVALID")
                .get("/api/v1/audit").then().statusCode(200).extract().path("records[0]");

        assertThat(String.valueOf(refusal.get("obText"))).contains("maxBackupAge").contains("ISO-8601 duration")
                .doesNotContain(refusedInput);
        assertThat(refusal.toString()).doesNotContain(refusedInput);
        String page = WebSession.signIn("ada").open("/audit?outcome=REFUSED_INVALID&actor=ada").asString();
        assertThat(page).doesNotContain(refusedInput);
    }

    @Test
    void aCancelledJobReadsCancelledOnTheTrailNotAsAnEmptyOceanBaseError() {
        AuditTrail.JobRef job = new AuditTrail.JobRef("demo", 1002, "mysql_tenant", 1, 900_000 + System.nanoTime() % 90_000,
                java.time.LocalDateTime.now().withNano(0));
        assertThat(trail.recordJobEnded(job, "CANCELED", -4072, "")).isTrue();
        long id = given().auth().oauth2(Tokens.accessToken("vera")).queryParam("outcome", AuditOutcome.JOB_ENDED.name())
                .queryParam("tenant", "mysql_tenant").get("/api/v1/audit").then().statusCode(200)
                .extract().<Number>path("records.find { it.jobIds[0].jobId == " + job.jobId() + " }.id").longValue();

        String record = text(row(WebSession.signIn("vera").open("/audit?outcome=JOB_ENDED").asString(), id));

        assertThat(record).contains("Cancelled (OceanBase -4072); not a failure.").doesNotContain("OceanBase error -4072");
    }
}
