package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.obconsole.drill.DrillSupervisor;
import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restore drills as people see them in real Chromium (issue 22): an admin creates a drill policy
 * on its page, runs it now, watches the drill live to its end on the tenant page, and the overview
 * (open all along) shows what it proved; a viewer reads the policy without any control, and a
 * change forged with her own session is refused.
 */
@QuarkusTest
class DrillPagesBrowserTest {

    private static final String POLICY = "/api/v1/drill-policies/demo/mysql_tenant";
    private static final LocatorAssertions.ContainsTextOptions LONG = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    @TestHTTPResource("/")
    URL console;

    @BeforeEach
    void noDrills() {
        Demo.reset();
        // classes before may have made an encrypted set its newest: these drills give no password
        Demo.freshFullBackup("mysql_tenant");
        as("ada").delete(POLICY);
        AuditSql.update("DELETE FROM drill_run");
    }

    @AfterEach
    void putBack() {
        as("ada").delete(POLICY);
        AuditSql.update("DELETE FROM drill_run");
        Demo.reset();
    }

    @Test
    void anAdminCreatesADrillPolicyRunsItWatchesItLiveToItsEndAndTheOverviewShowsTheProof() {
        try (Browser browser = Browser.launch()) {
            Page overview = browser.signedIn(console.toString(), "ada");
            Locator proven = overview.locator("#tenant-demo-mysql_tenant td[data-field=proven]");
            assertThat(proven).hasText("no drill policy");

            Page page = overview.context().newPage();
            page.navigate(console + "drills");
            page.locator("#nav-drills").click();
            page.locator("#new-drill-policy").click();
            page.locator("#drill-target").selectOption("demo/mysql_tenant");
            page.locator("input[name=drillDays][value=SUN]").check();
            page.locator("#drill-time").fill("04:00");
            page.locator("#time-zone").fill("UTC");
            page.locator("#drill-cluster").selectOption("demo");
            page.locator("#point-latest").check();
            page.locator("#time-limit").fill("30");
            page.locator("#drill-save").click();

            assertThat(page).hasURL(console + "drills/demo/mysql_tenant?msg=drill-policy-saved");
            assertThat(page.locator("#drill-schedule")).containsText("0 0 4 ? * SUN");
            assertThat(page.locator("#drill-where")).hasText("demo · created per drill");
            assertThat(page.locator("#drill-limit")).hasText("30 min");
            assertThat(proven).containsText("never", LONG);

            page.locator("#drill-run-now").click();
            assertThat(page).hasURL(console + "clusters/demo/tenants/mysql_tenant?msg=drill-started#drills-section");
            assertThat(page.locator("#live-indicator")).hasText("Live");
            page.evaluate("() => { window.sameDocument = 'yes'; }");
            overview.evaluate("() => { window.sameDocument = 'yes'; }");
            Locator drill = page.locator("#drill-history tbody tr").first();
            assertThat(drill.locator("td[data-field=state]")).containsText("PENDING");

            DrillSupervisor supervisor = Arc.container().instance(DrillSupervisor.class).get();
            supervisor.round();
            assertThat(drill.locator("td[data-field=state]")).containsText("RESTORING", LONG);
            assertThat(drill.locator("td[data-field=state]")).containsText("scratch tenant drill_mysql_tenant_");
            assertThat(proven).containsText("drilling now: RESTORING", LONG);
            // the scratch tenant's restore, live as on the Jobs page, once the fleet has read it
            Demo.fleetRead();
            assertThat(page.locator("#drill-restore tr[data-fragment=restore]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            assertThat(page.locator("#drill-restore tr[data-fragment=restore] td").nth(1)).hasText(
                    java.util.regex.Pattern.compile("drill_mysql_tenant_\\d+"));

            await().atMost(Duration.ofSeconds(90)).until(() -> {
                Demo.clock().advanceSeconds(30);
                Demo.fleetRead();
                supervisor.round();
                return AuditSql.rows("SELECT state FROM drill_run WHERE state = 'PROVEN'").size() == 1;
            });
            assertThat(drill.locator("td[data-field=state]")).containsText("PROVEN", LONG);
            assertThat(page.locator("#drill-restore")).hasCount(0);
            assertThat(drill.locator("td[data-field=restore-took]")).not().hasText("–");
            assertThat(drill.locator("td[data-field=checks] li")).hasCount(3);
            assertThat(page.locator("#drill-proof")).containsText("last proven restorable: ");
            assertThat(page.locator("#drill-chart circle.drill.proven")).hasCount(1);
            assertThat(page.evaluate("() => window.sameDocument")).as("watched without a reload").isEqualTo("yes");

            assertThat(proven).containsText(" ago, to a point ", LONG);
            assertThat(proven).containsText(", restore took ");
            assertThat(proven).not().containsText("drilling now");
            assertThat(overview.evaluate("() => window.sameDocument")).as("the overview was not reloaded").isEqualTo("yes");
        }
    }

    @Test
    void aViewerReadsDrillPoliciesWithoutControlsAndAForgedChangeIsRefused() {
        as("ada").body(Map.of("schedule", Map.of("days", List.of("SUN"), "time", "04:00"), "timeZone", "UTC",
                "drillCluster", "demo", "timeLimit", "PT30M")).put(POLICY).then().statusCode(200);
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "drills", "vera");
            assertThat(page.locator("#drill-policies tr[data-policy='demo/mysql_tenant']")).containsText("demo · created per drill");
            assertThat(page.locator("#new-drill-policy")).hasCount(0);

            page.locator("#drill-policies a:text-is('demo › mysql_tenant')").click();
            assertThat(page.locator("#drill-schedule")).containsText("0 0 4 ? * SUN");
            assertThat(page.locator("#drill-form")).hasCount(0);
            assertThat(page.locator("#drill-run-now")).hasCount(0);
            assertThat(page.locator("#drill-pause")).hasCount(0);
            assertThat(page.locator("#drill-delete")).hasCount(0);

            // her own session and CSRF token (from the sign-out form): only her role stands in the way
            String token = page.locator("form[action='/sign-out'] input[type=hidden]").getAttribute("value");
            String field = page.locator("form[action='/sign-out'] input[type=hidden]").getAttribute("name");
            APIResponse pause = page.request().post(console + "drills/demo/mysql_tenant/pause",
                    RequestOptions.create().setForm(FormData.create().set(field, token)).setMaxRedirects(0));
            APIResponse delete = page.request().post(console + "drills/demo/mysql_tenant/delete",
                    RequestOptions.create().setForm(FormData.create().set(field, token)).setMaxRedirects(0));
            assertThat(pause.status()).isEqualTo(403);
            assertThat(delete.status()).isEqualTo(403);
            as("ada").get(POLICY).then().statusCode(200).body("paused", org.hamcrest.Matchers.equalTo(false));
        }
    }
}
