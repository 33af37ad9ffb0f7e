package io.obconsole.web;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.api.ApiFixture;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant's "Backup policy" page: who may change what, the weekly form, the next runs, and a first run live on the overview. */
@QuarkusTest
class PolicyPageTest {

    private static final String MYSQL = "/clusters/demo/tenants/mysql_tenant/policy";
    private static final Pattern NEXT_RUN = Pattern.compile("<li data-type=\"FULL\">FULL <time datetime=\"([^\"]+)\"");

    @BeforeEach
    @AfterEach
    void fresh() {
        as("ada").delete("/api/v1/policies/demo/mysql_tenant");
        as("ada").delete("/api/v1/policies/demo/*");
        ApiFixture.resetCluster();
    }

    @Test
    void anOperatorCreatesAWeeklyPolicyAndSeesItsNextFiveRuns() {
        WebSession otto = WebSession.signIn("otto");
        assertThat(otto.open(MYSQL).asString()).contains("has no backup policy yet").contains("id=\"policy-form\"");
        Response saved = otto.post(MYSQL, Map.of("fullDays", List.of("MON", "THU"), "fullTime", "02:30",
                "timeZone", "Europe/Berlin", "concurrency", "10"));
        assertThat(WebSession.location(saved)).endsWith("/policy?msg=policy-saved");
        // the page the redirect leads to
        String page = otto.open(MYSQL + "?msg=policy-saved").asString();
        assertThat(page).contains("Policy saved.").contains("<code>0 30 2 ? * MON,THU</code>")
                .contains("id=\"policy-owner\">otto<").contains("id=\"policy-pause\"");
        Matcher next = NEXT_RUN.matcher(page);
        int runs = 0;
        while (next.find()) {
            runs++;
        }
        assertThat(runs).isEqualTo(5);
        assertThat(page).contains("name=\"fullDays\" value=\"MON\" checked").contains("name=\"fullDays\" value=\"THU\" checked");
    }

    @Test
    void viewersReadAndNobodyChangesOutsideTheirScope() {
        as("otto").body(Map.of("full", Map.of("days", List.of("MON"), "time", "02:30"))).put("/api/v1/policies/demo/mysql_tenant")
                .then().statusCode(200);
        WebSession vera = WebSession.signIn("vera");
        assertThat(vera.open(MYSQL).asString()).contains("<code>0 30 2 ? * MON</code>").doesNotContain("id=\"policy-form\"")
                .doesNotContain("id=\"policy-pause\"");
        for (String path : List.of(MYSQL, MYSQL + "/pause", MYSQL + "/resume", MYSQL + "/delete")) {
            assertThat(vera.post(path, Map.of("fullTime", "03:00", "fullDays", "TUE")).statusCode()).as(path).isEqualTo(403);
        }
        WebSession otto = WebSession.signIn("otto");
        assertThat(otto.open("/clusters/demo/tenants/oracle_tenant/policy").statusCode()).isEqualTo(403);
        otto.open(MYSQL);
        assertThat(otto.post("/clusters/demo/tenants/oracle_tenant/policy", Map.of("fullTime", "03:00", "fullDays", "TUE"))
                .statusCode()).isEqualTo(403);
        assertThat(WebSession.location(otto.post(MYSQL + "/pause", Map.of()))).endsWith("msg=policy-paused");
        assertThat(otto.open(MYSQL).asString()).contains("id=\"policy-paused\"").contains("id=\"policy-resume\"");
    }

    @Test
    void badInputComesBackWithTheErrorAndWhatWasTyped() {
        WebSession otto = WebSession.signIn("otto");
        otto.open(MYSQL);
        Response bad = otto.post(MYSQL, Map.of("fullCron", "nightly please", "timeZone", "UTC"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("id=\"policy-error\"").contains("Not a valid cron expression")
                .contains("value=\"nightly please\"");
        assertThat(otto.open(MYSQL).asString()).contains("has no backup policy yet");
    }

    @Test
    void theFormSetsThePolicysObjectiveAndABadDurationComesBackWithTheError() {
        WebSession otto = WebSession.signIn("otto");
        otto.open(MYSQL);
        Response bad = otto.post(MYSQL, Map.of("fullDays", "MON", "fullTime", "02:30", "timeZone", "UTC",
                "maxFullAge", "a week"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("id=\"policy-error\"").contains("maxFullAge must be an ISO-8601 duration")
                .contains("value=\"a week\"");
        assertThat(otto.open(MYSQL).asString()).contains("has no backup policy yet");

        Response saved = otto.post(MYSQL, Map.of("fullDays", "MON", "fullTime", "02:30", "timeZone", "UTC",
                "maxBackupAge", "PT12H"));
        assertThat(WebSession.location(saved)).endsWith("/policy?msg=policy-saved");
        String page = otto.open(MYSQL).asString();
        assertThat(page).containsPattern("id=\"policy-objective\">[^<]*PT12H").contains("value=\"PT12H\"")
                .contains("The objective this policy sets for the tenant:");
        // the policy for every tenant says whom its objective covers
        assertThat(WebSession.signIn("ada").open("/clusters/demo/tenants/*/policy").asString())
                .contains("every tenant of the cluster that has no policy of its own");
    }

    @Test
    void aRunNamesTheJobItStartedAsTheTenantPageAndTheJobsPageDo() {
        String page = firstRunOfAFastSchedule(WebSession.signIn("otto")).open(MYSQL).asString();

        Matcher named = Pattern.compile("href=\"/clusters/demo/tenants/mysql_tenant\">Job (\\d+)</a>").matcher(page);
        assertThat(named.find()).as("the run's job, named 'Job N'").isTrue();
        assertThat(page).doesNotContain("mysql_tenant #");
        List<Long> tenantJobs = as("otto").get("/api/v1/jobs?cluster=demo&tenant=mysql_tenant").then().statusCode(200)
                .extract().jsonPath().getList("jobs.job.jobId", Long.class);
        assertThat(tenantJobs).as("N is the tenant's own job number").contains(Long.valueOf(named.group(1)));
    }

    @Test
    void theAllTenantsPolicyNamesEachJobWithItsTenant() {
        as("ada").body(Map.of("full", Map.of("cron", "0/2 * * * * ?"), "timeZone", "UTC")).put("/api/v1/policies/demo/*")
                .then().statusCode(200);
        WebSession ada = WebSession.signIn("ada");
        String all = "/clusters/demo/tenants/*/policy";
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.open(all).asString().contains("data-outcome=\"STARTED\""));
        as("ada").post("/api/v1/policies/demo/*/pause").then().statusCode(200);

        assertThat(ada.open(all).asString()).containsPattern("href=\"/clusters/demo/tenants/mysql_tenant\">Job \\d+ of mysql_tenant</a>")
                .doesNotContain("mysql_tenant #");
    }

    @Test
    void theFirstRunOfAFastScheduleShowsOnTheOverview() {
        WebSession otto = firstRunOfAFastSchedule(WebSession.signIn("otto"));
        assertThat(otto.open(MYSQL).asString()).containsPattern("href=\"/clusters/demo/tenants/mysql_tenant\">Job \\d+</a>");
        await().atMost(Duration.ofSeconds(30)).until(() -> otto.open("/").asString()
                .matches("(?s).*data-live-tenant=\"mysql_tenant\"[^>]*>\\s*<div data-job-key=.*"));
    }

    /** mysql_tenant gets a policy every two seconds, which is paused once its first run has started a job. */
    private static WebSession firstRunOfAFastSchedule(WebSession otto) {
        otto.open(MYSQL);
        otto.post(MYSQL, Map.of("fullCron", "0/2 * * * * ?", "timeZone", "UTC"));
        await().atMost(Duration.ofSeconds(30)).until(() -> otto.open(MYSQL).asString().contains("data-outcome=\"STARTED\""));
        otto.post(MYSQL + "/pause", Map.of());
        return otto;
    }
}
