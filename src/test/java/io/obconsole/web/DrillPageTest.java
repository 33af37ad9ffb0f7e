package io.obconsole.web;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.testing.AuditSql;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restore drill policy pages (issue 22): admins create, change, pause, resume and delete (after
 * a confirmation) with the difference on the audit trail; bad values come back with the error and
 * change nothing; operators and viewers read, and what they send is refused; the overview says
 * per tenant what drills proved.
 */
@QuarkusTest
class DrillPageTest {

    private static final String API = "/api/v1/drill-policies/demo/oracle_tenant";
    private static final String PAGE = "/drills/demo/oracle_tenant";

    @BeforeEach
    @AfterEach
    void noPolicy() {
        as("ada").delete(API);
    }

    private static Map<String, Object> form(String... more) {
        Map<String, Object> fields = new HashMap<>(Map.of("drillDays", List.of("SAT"), "drillTime", "03:15",
                "timeZone", "Europe/Berlin", "drillCluster", "demo", "point", "RANDOM", "timeLimitMinutes", "45",
                "concurrency", "8"));
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields;
    }

    @Test
    void anAdminCreatesAPolicyOnTheFormAndItsValuesAreStoredAndShown() {
        WebSession ada = WebSession.signIn("ada");
        assertThat(ada.open("/drills/new").asString()).contains("id=\"drill-form\"").contains("name=\"drillDays\" value=\"SUN\"")
                .contains("<option value=\"demo/*\">demo › every tenant (*)</option>");
        Map<String, Object> fields = form("target", "demo/oracle_tenant");
        Response saved = ada.post("/drills", fields);

        assertThat(WebSession.location(saved)).endsWith(PAGE + "?msg=drill-policy-saved");
        as("vera").get(API).then().statusCode(200).body("schedule.cron", equalTo("0 15 3 ? * SAT"))
                .body("timeZone", equalTo("Europe/Berlin")).body("drillCluster", equalTo("demo"))
                .body("drillPool", equalTo(null)).body("point", equalTo("RANDOM"))
                .body("timeLimitSeconds", equalTo(2700)).body("concurrency", equalTo(8)).body("owner", equalTo("ada"));
        String page = ada.open(PAGE + "?msg=drill-policy-saved").asString();
        assertThat(page).contains("The drill policy is saved.").contains("<code>0 15 3 ? * SAT</code>")
                .contains("name=\"drillDays\" value=\"SAT\" checked").contains("value=\"RANDOM\" id=\"point-random\" checked")
                .contains("id=\"drill-run-now\"");
        assertThat(AuditSql.rows("SELECT action_name FROM audit_record WHERE action_name = 'DRILL_POLICY_CREATE' "
                + "AND outcome = 'INTENDED' AND tenants LIKE '%oracle_tenant%' AND actor_username = 'ada'")).isNotEmpty();
    }

    @Test
    void badValuesComeBackWithAClearErrorAndWhatWasTypedAndChangeNothing() {
        WebSession ada = WebSession.signIn("ada");
        ada.open("/drills/new");
        Response limit = ada.post("/drills", form("target", "demo/oracle_tenant", "timeLimitMinutes", "soon"));
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.asString()).contains("id=\"drill-error\"")
                .contains("The time limit is a whole number of minutes, from 1 to 2880 (two days)")
                .contains("value=\"soon\"");
        Response tooLong = ada.post("/drills", form("target", "demo/oracle_tenant", "timeLimitMinutes", "3000"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).contains("A drill&#39;s time limit is between 1 minute and 2 days");
        Response concurrency = ada.post("/drills", form("target", "demo/oracle_tenant", "concurrency", "500"));
        assertThat(concurrency.asString()).contains("Restore concurrency must be a whole number from 0 to 100");
        Response cluster = ada.post("/drills", form("target", "demo/oracle_tenant", "drillCluster", "nowhere"));
        assertThat(cluster.statusCode()).isEqualTo(400);
        assertThat(cluster.asString()).contains("No cluster named &#39;nowhere&#39; is configured");
        Response noTenant = ada.post("/drills", form("target", ""));
        assertThat(noTenant.asString()).contains("Choose the tenant (or every tenant of a cluster) to drill");

        as("ada").get(API).then().statusCode(404);
    }

    @Test
    void pauseResumeAndDeleteAfterAConfirmationAreAuditedWithTheirDifference() {
        WebSession ada = WebSession.signIn("ada");
        ada.open("/drills/new");
        ada.post("/drills", form("target", "demo/oracle_tenant"));
        ada.open(PAGE);
        assertThat(WebSession.location(ada.post(PAGE + "/pause", Map.of()))).endsWith("msg=drill-policy-paused");
        assertThat(ada.open(PAGE).asString()).contains("id=\"drill-paused\"").contains("id=\"drill-resume\"");
        ada.post(PAGE + "/resume", Map.of());
        as("ada").get(API).then().statusCode(200).body("paused", equalTo(false));
        assertThat(AuditSql.rows("SELECT action_name, action_params FROM audit_record WHERE action_name IN "
                + "('DRILL_POLICY_PAUSE', 'DRILL_POLICY_RESUME') AND outcome = 'INTENDED' ORDER BY id DESC LIMIT 2"))
                .extracting(r -> r.get("action_name") + " " + r.get("action_params"))
                .anySatisfy(r -> assertThat(r).startsWith("DRILL_POLICY_PAUSE").contains("false → true"))
                .anySatisfy(r -> assertThat(r).startsWith("DRILL_POLICY_RESUME").contains("true → false"));

        // the delete button leads to a question; only its form deletes
        assertThat(ada.open(PAGE).asString()).contains("href=\"" + PAGE + "/delete\" id=\"drill-delete\"");
        assertThat(ada.open(PAGE + "/delete").asString()).contains("Delete the restore drill policy of oracle_tenant on demo?")
                .contains("id=\"confirm-delete\"");
        as("ada").get(API).then().statusCode(200);
        assertThat(WebSession.location(ada.post(PAGE + "/delete", Map.of()))).endsWith("/drills?msg=drill-policy-deleted");
        as("ada").get(API).then().statusCode(404);
    }

    @Test
    void operatorsAndViewersReadButEveryChangeTheySendIsRefused() {
        WebSession ada = WebSession.signIn("ada");
        ada.open("/drills/new");
        ada.post("/drills", form("target", "demo/oracle_tenant"));
        for (String who : List.of("vera", "olga")) {
            WebSession session = WebSession.signIn(who);
            assertThat(session.open("/drills").asString()).contains("data-policy=\"demo/oracle_tenant\"")
                    .doesNotContain("id=\"new-drill-policy\"");
            assertThat(session.open(PAGE).asString()).contains("<code>0 15 3 ? * SAT</code>")
                    .doesNotContain("id=\"drill-form\"").doesNotContain("id=\"drill-run-now\"");
            assertThat(session.open("/drills/new").statusCode()).isEqualTo(403);
            assertThat(session.open(PAGE + "/delete").statusCode()).isEqualTo(403);
            for (String path : List.of(PAGE, PAGE + "/pause", PAGE + "/resume", PAGE + "/run", PAGE + "/delete")) {
                assertThat(session.post(path, form()).statusCode()).as(who + " " + path).isEqualTo(403);
            }
            assertThat(session.post("/drills", form("target", "demo/mysql_tenant")).statusCode()).isEqualTo(403);
        }
        // otto may not even see oracle_tenant
        assertThat(WebSession.signIn("otto").open(PAGE).statusCode()).isEqualTo(403);
        // without the CSRF token even an admin's change is refused
        assertThat(ada.postWithoutToken(PAGE + "/pause", Map.of()).statusCode()).isEqualTo(403);
        as("ada").get(API).then().statusCode(200).body("paused", equalTo(false)).body("schedule.cron",
                equalTo("0 15 3 ? * SAT"));
        as("ada").get("/api/v1/drill-policies/demo/mysql_tenant").then().statusCode(404);
    }

    @Test
    void theOverviewSaysPerTenantWhetherADrillPolicyCoversItAndWhatDrillsProved() {
        WebSession vera = WebSession.signIn("vera");
        assertThat(cell(vera.open("/").asString(), "oracle_tenant")).contains("no drill policy");
        WebSession ada = WebSession.signIn("ada");
        ada.open("/drills/new");
        ada.post("/drills", form("target", "demo/oracle_tenant"));
        assertThat(cell(vera.open("/").asString(), "oracle_tenant")).contains(">never<");
    }

    /** The "Proven restorable" cell of the tenant's row on the overview. */
    private static String cell(String overview, String tenant) {
        String row = overview.substring(overview.indexOf("id=\"tenant-demo-" + tenant + "\""));
        row = row.substring(row.indexOf("data-field=\"proven\""));
        return row.substring(0, row.indexOf("</td>"));
    }
}
