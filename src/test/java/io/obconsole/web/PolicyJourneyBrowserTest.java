package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.obconsole.api.ApiFixture;
import io.obconsole.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In real Chromium: an operator creates a weekly policy for mysql_tenant and sees its next runs in
 * the browser's zone; then a fast schedule's first run shows live on the overview.
 */
@QuarkusTest
class PolicyJourneyBrowserTest {

    @TestHTTPResource("/")
    URL console;

    @BeforeEach
    @AfterEach
    void fresh() {
        ApiFixture.as("ada").delete("/api/v1/policies/demo/mysql_tenant");
        ApiFixture.resetCluster();
    }

    @Test
    void ottoCreatesAWeeklyPolicySeesItsNextRunsAndTheFirstRunShowsLiveOnTheOverview() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPageIn("Asia/Tokyo", "en-GB");
            Browser.signIn(page, console.toString(), "otto", "otto");
            page.navigate(console + "clusters/demo/tenants/mysql_tenant");
            page.locator("#policy-link").click();
            assertThat(page.locator("#policy-none")).isVisible();

            page.locator("input[name=fullDays][value=MON]").check();
            page.locator("input[name=fullDays][value=THU]").check();
            page.locator("#full-time").fill("02:30");
            page.locator("#time-zone").fill("Europe/Berlin");
            page.locator("#policy-save").click();

            assertThat(page.locator("main")).containsText("Policy saved.");
            assertThat(page.locator("#next-runs li")).hasCount(5);
            // 02:30 in Berlin is 09:30 or 10:30 in Tokyo: the reader's zone, not the policy's
            assertThat(page.locator("#next-runs li time").first()).containsText(":30");
            assertThat(page.locator("#next-runs li time").first()).not().containsText("02:30");

            // the overview open in a second tab before the first run: the run must appear there without a reload
            Page overview = page.context().newPage();
            overview.navigate(console.toString());
            assertThat(overview.locator("[data-live-tenant=mysql_tenant] [data-job-key]")).hasCount(0);

            page.locator("#full-cron").fill("0/2 * * * * ?");
            page.locator("#time-zone").fill("UTC");
            page.locator("input[name=fullDays][value=MON]").uncheck();
            page.locator("input[name=fullDays][value=THU]").uncheck();
            page.locator("#full-time").fill("");
            page.locator("#policy-save").click();
            assertThat(page.locator("main")).containsText("Policy saved.");

            assertThat(overview.locator("[data-live-tenant=mysql_tenant] [data-job-key]").first()).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            page.navigate(console + "clusters/demo/tenants/mysql_tenant/policy");
            page.locator("#policy-pause").click();
            assertThat(page.locator("#policy-paused")).isVisible();
        }
    }
}
