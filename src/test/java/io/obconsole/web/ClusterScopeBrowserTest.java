package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, point 11, in real Chromium: otto ({@code demo/mysql_tenant}) sees only the cluster
 * that holds his tenant, on the overview and in the Jobs page's cluster filter; vera, whose scope
 * names every cluster, sees all three in the same places.
 */
@QuarkusTest
class ClusterScopeBrowserTest {

    @TestHTTPResource("/")
    URL overview;

    @TestHTTPResource("/jobs")
    URL jobs;

    @BeforeEach
    void everyClusterRead() {
        Demo.fleetRead();
    }

    @Test
    void ottoSeesOnlyTheClusterOfHisTenantOnTheOverviewAndInTheJobsFilter() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(overview.toString(), "otto");

            assertThat(page.locator("#tenant-demo-mysql_tenant")).isVisible();
            assertThat(page.locator("section.cluster")).hasCount(1);
            assertThat(page.locator("main")).not().containsText("legacy");
            assertThat(page.locator("main")).not().containsText("payroll");
            assertThat(page.locator("main")).not().containsText("4.2.0.0");

            page.navigate(jobs.toString());
            assertThat(page.locator("#f-cluster option")).hasText(new String[] {"any", "demo"});
            assertThat(page.locator("main")).not().containsText("legacy");
            assertThat(page.locator("main")).not().containsText("payroll");
        }
    }

    @Test
    void veraWhoseScopeNamesEveryClusterSeesAllFour() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(overview.toString(), "vera");

            assertThat(page.locator("section.cluster")).hasCount(4);

            page.navigate(jobs.toString());
            assertThat(page.locator("#f-cluster option")).hasCount(5);
            org.assertj.core.api.Assertions.assertThat(page.locator("#f-cluster option").allInnerTexts())
                    .containsExactlyInAnyOrder("any", "demo", "legacy", "payroll", "dr");
        }
    }
}
