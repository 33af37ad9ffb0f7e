package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 in real Chromium: the tenant page's "Recoverable window" section (the words, the
 * intervals with their times, the timeline with its gap) and the overview's column, for the demo
 * fleet's tenant with an archive gap (legacy/erp) and the one with an encrypted set (payroll).
 */
@QuarkusTest
class RecoverableWindowBrowserTest {

    @TestHTTPResource("/")
    URL console;

    @Inject
    ProgressPoller poller;

    @BeforeEach
    void read() throws Exception {
        poller.refreshNow("legacy").get(60, TimeUnit.SECONDS);
        poller.refreshNow("payroll").get(60, TimeUnit.SECONDS);
    }

    @Test
    void theTenantPageShowsAWindowOfTwoIntervalsWithTheGapMarkedOnItsTimeline() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "clusters/legacy/tenants/erp", "vera");
            Locator section = page.locator("#recoverable-window");
            assertThat(section.locator("h2")).hasText("Recoverable window");
            assertThat(page.locator("#window-summary")).containsText(
                    Pattern.compile("Restorable in 2 intervals, with a gap in the archive log between them; latest \\d+ s ago"));
            Locator intervals = page.locator("#window-intervals li");
            assertThat(intervals).hasCount(2);
            // each end is a time the page writes as every time: year first, UTC on hover
            assertThat(intervals.first().locator("time")).hasCount(2);
            assertThat(intervals.first().locator("time").first()).hasAttribute("title", Pattern.compile("^20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$"));
            assertThat(intervals.first()).containsText(Pattern.compile("Restorable from 20\\d\\d-\\S+ \\S+ UTC to 20\\d\\d-"));

            Locator chart = page.locator("svg#window-timeline");
            assertThat(chart).isVisible();
            // every full set the cluster lists as usable is drawn: the two seeded ones, and any a class before this one
            // took (sets closer together than the chart can tell apart share one band, which says how many it holds)
            Locator setBands = chart.locator("#window-sets rect.band");
            int drawnFull = 0;
            for (int i = 0; i < setBands.count(); i++) {
                drawnFull += Integer.parseInt(setBands.nth(i).getAttribute("data-full-sets"));
            }
            org.assertj.core.api.Assertions.assertThat(drawnFull).isEqualTo(usableFullSetsOf("legacy", "erp"));
            assertThat(chart.locator("#window-archive rect.band.doing")).hasCount(2);
            assertThat(chart.locator("#window-restorable rect.band.restorable")).hasCount(2);
            assertThat(chart.locator("#window-restorable rect.band.gap")).hasCount(1);
            assertThat(chart.locator("rect.band.gap title")).containsText("Gap: not restorable after");
            assertThat(page.locator("#window-caption")).containsText("Times in UTC");
            assertThat(page.locator("#window-decryption")).hasCount(0);
        }
    }

    @Test
    void anEncryptedTenantSaysARestoreNeedsItsPasswordAndTheOverviewShowsEachTenantsLatestPoint() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "clusters/payroll/tenants/payroll", "ada");
            assertThat(page.locator("#window-summary")).containsText(Pattern.compile("^Restorable from 20\\S+ \\S+ UTC to 20\\S+ \\S+ UTC, latest \\d+ s ago$"));
            assertThat(page.locator("#window-decryption")).containsText("a restore needs their backup password");

            page.navigate(console.toString());
            Locator erp = page.locator("#tenant-legacy-erp [data-field=window]");
            assertThat(erp.locator("time")).hasCount(1);
            assertThat(erp).containsText("archive gap");
            assertThat(page.locator("#tenant-payroll-payroll [data-field=window] time")).hasCount(1);
        }
    }

    /** Successful, available FULL sets of the tenant (not PLUS ARCHIVELOG), as the cluster's own view lists them. */
    private static int usableFullSetsOf(String cluster, String tenant) {
        return io.obconsole.testing.Demo.queryOn(cluster, "root@sys", "SELECT f.BACKUP_SET_ID FROM CDB_OB_BACKUP_SET_FILES f"
                + " JOIN DBA_OB_TENANTS t ON t.TENANT_ID = f.TENANT_ID WHERE t.TENANT_NAME = '" + tenant + "'"
                + " AND f.BACKUP_TYPE = 'FULL' AND f.STATUS = 'SUCCESS' AND f.FILE_STATUS = 'AVAILABLE'"
                + " AND f.PLUS_ARCHIVELOG = 'OFF'").size();
    }
}
