package io.obconsole.alert;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.obconsole.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In real Chromium: the overview lists tenants worst first with their recovery points; a tenant page draws its 30-day timeline. */
@QuarkusTest
class RecoveryPointsBrowserTest {

    private static final List<String> WORST_LAST = List.of("OK", "AT_RISK", "BREACHED");

    @TestHTTPResource("/")
    URL console;

    @Inject
    ObjectiveWatch watch;

    @Inject
    io.obconsole.progress.ProgressPoller poller;

    @Inject
    io.obconsole.fleet.Fleet fleet;

    @BeforeEach
    void evaluated() {
        // the demo cluster as its scenario starts (analytics never backed up), whatever earlier classes did to it
        io.obconsole.testing.Demo.services().restartDemoCluster(false);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            poller.refreshNow("demo").get(30, java.util.concurrent.TimeUnit.SECONDS);
            return fleet.cluster("demo").reachable();
        });
        watch.round();
    }

    @Test
    void theOverviewOrdersTenantsByRiskAndShowsTheirRecoveryPoints() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console.toString(), "vera");
            Locator rows = page.locator("#objectives tbody tr");
            // vera's scope covers the demo clusters of the test profile; the demo cluster has three tenants
            Locator demo = page.locator("#objectives tbody tr[data-objective^='demo/']");
            assertThat(demo).hasCount(3);
            List<Integer> severities = rows.all().stream().map(r -> WORST_LAST.indexOf(r.getAttribute("data-state"))).toList();
            assertThat(severities).doesNotContain(-1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            // analytics never had a backup nor archiving: worst of all, and says so
            assertThat(demo.first()).hasAttribute("data-objective", "demo/analytics");
            assertThat(demo.first().locator("[data-field=recovery-point]")).containsText("none: no successful backup set");
            // mysql_tenant archives: its recovery point is the archive checkpoint, shown as a time
            Locator mysql = page.locator("tr[data-objective='demo/mysql_tenant']");
            assertThat(mysql.locator("[data-field=recovery-point] time")).isVisible();
            assertThat(mysql.locator("[data-field=recovery-point]")).containsText("archive checkpoint");
            assertThat(mysql.locator("[data-field=distance]")).containsText("breach");
        }
    }

    @Test
    void aTenantThatArchivesButNeverBackedUpHasNoRecoveryPointOnAnyPageNorInTheApi() {
        // oracle_tenant of the demo archives (DOING for three days) but no backup set ever succeeded
        // (legacy/hr is the same, but other classes back it up and legacy cannot be reset)
        io.restassured.path.json.JsonPath api = objectiveFromApi("demo/oracle_tenant");
        assertThat(api.getString("recoveryPoint")).isNull();
        assertThat(api.getString("recoveryPointSource")).isEqualTo("NONE");
        assertThat(api.getString("noRecoveryPoint")).isEqualTo("no successful backup set");
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console.toString(), "ada");
            Locator point = page.locator("tr[data-objective='demo/oracle_tenant'] [data-field=recovery-point]");
            assertThat(point).hasText("none: no successful backup set");
            assertThat(point.locator("time")).hasCount(0);
            page.navigate(console + "clusters/demo/tenants/oracle_tenant");
            // the objective and the recoverable window say the same: nothing to restore to, and why
            assertThat(page.locator("#objective-state")).containsText("Recovery point: none: no successful backup set");
            assertThat(page.locator("#objective-state")).not().containsText("archive checkpoint");
            assertThat(page.locator("#objective-state time")).hasCount(0);
            assertThat(page.locator("#window-summary")).containsText("No successful backup set");
        }
    }

    @Test
    void theTimeLeftIsTheFirstLimitToBePassedWordedAlikeOnOverviewTenantPageAndApi() {
        // mysql_tenant: archive a second behind its 15-minute objective, newest FULL about 19 h old of 1 d
        io.restassured.path.json.JsonPath api = objectiveFromApi("demo/mysql_tenant");
        String distance = api.getString("distance");
        assertThat(api.getLong("secondsToBreach")).as("the archive keeps up: the backup age sets the time left")
                .isGreaterThan(java.time.Duration.ofHours(1).getSeconds());
        assertThat(distance).startsWith("breaches in ");
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console.toString(), "ada");
            assertThat(page.locator("tr[data-objective='demo/mysql_tenant'] [data-field=distance]")).containsText(distance);
            page.navigate(console + "clusters/demo/tenants/mysql_tenant");
            assertThat(page.locator("#objective-distance")).hasText(distance);
            // a reason that counts down says so in the future tense, with the same time left
            assertThat(page.locator("#objective-checks")).containsText(distance);
            assertThat(page.locator("#objective-checks")).not().containsText("breached in");
        }
    }

    private static io.restassured.path.json.JsonPath objectiveFromApi(String tenant) {
        return io.restassured.RestAssured.given().auth().oauth2(io.obconsole.testing.Tokens.accessToken("ada"))
                .get("/api/v1/objectives/" + tenant).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTenantPageDrawsTheRecoveryPointTimeline() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "clusters/demo/tenants/mysql_tenant", "ada");
            Locator chart = page.locator("svg#recovery-timeline");
            assertThat(chart).isVisible();
            assertThat(chart.locator("path.age")).hasCount(1);
            assertThat(chart.locator("line.limit")).hasCount(1);
            assertThat(chart.locator("text.tick")).not().hasCount(0);
            assertThat(chart.locator("circle.mark.full").first()).isAttached();
            assertThat(page.locator("#timeline-caption")).containsText("good backup set(s)");
            assertThat(chart.boundingBox().height).isGreaterThan(100);
            assertThat(page.locator("#objective-state")).isVisible();
            // admins may change the tenant's objective from here
            assertThat(page.locator("#objective-edit summary")).isVisible();
        }
    }
}
