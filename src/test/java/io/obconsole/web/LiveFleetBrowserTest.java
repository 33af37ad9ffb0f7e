package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant page in real Chromium follows a running backup from the fleet's live fragments: its
 * ETA and task counters move without a reload, it leaves "Running" (Cancel button included) when
 * it ends, and a cancelled backup's set reads "Cancelled".
 */
@QuarkusTest
class LiveFleetBrowserTest {

    private static final LocatorAssertions.HasTextOptions LONG = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @TestHTTPResource("/clusters/demo/tenants/mysql_tenant")
    URL tenantPage;

    @BeforeEach
    void scenarioState() {
        Demo.reset();
    }

    @AfterEach
    void idleMysqlTenant() {
        Demo.sql("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(300);
    }

    @Test
    void etaAndTaskCountersMoveWithoutReloadAndTheEndedJobLeavesRunning() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(tenantPage.toString(), "ada");
            assertThat(page.locator("#live-indicator")).hasText("Live");
            page.evaluate("() => { window.sameDocument = 'yes'; }");

            Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            Locator running = page.locator("[data-fragment=running]");
            assertThat(running).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            assertThat(running.locator("a.button.danger")).isVisible();

            Demo.clock().advanceSeconds(10);
            Locator blocks = running.locator("[data-field=macro-blocks]").first();
            assertThat(blocks).not().hasText("0 / 0", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            String blocksBefore = blocks.textContent();
            Demo.clock().advanceSeconds(8);
            assertThat(running.locator("[data-field=eta]")).containsText("to go",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            String etaBefore = running.locator("[data-field=eta]").textContent();
            Demo.clock().advanceSeconds(12);
            assertThat(blocks).not().hasText(blocksBefore, LONG);
            assertThat(running.locator("[data-field=eta]")).not().hasText(etaBefore, LONG);

            Demo.clock().advanceSeconds(300);
            assertThat(running).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            assertThat(page.locator("#no-running-job")).isVisible();
            assertThat(page.locator("#job-history tbody tr").first()).hasAttribute("data-status", "COMPLETED");
            assertThat(page.locator("main a.button.danger")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.sameDocument")).as("no reload")
                    .isEqualTo("yes");
        }
    }

    @Test
    void aCancelledBackupSetReadsCancelledNotFailed() {
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(10);
        Demo.sql("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(60);
        // what the cluster itself says of the newest set: cancelled (-4072), the case the page must not call a failure
        assertThat(Demo.query("SELECT RESULT FROM oceanbase.CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1002 "
                + "ORDER BY BACKUP_SET_ID DESC LIMIT 1")).extracting(row -> String.valueOf(row.get("RESULT"))).containsExactly("-4072");
        Demo.fleetRead();
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(tenantPage.toString(), "vera");
            Locator newestSet = page.locator("#backup-sets tbody tr").first();
            // the page shows the fleet's last read; a read that was under way when the job ended may be older: reload until it is there
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                if (newestSet.textContent().contains("Cancelled")) {
                    return true;
                }
                page.reload();
                return false;
            });
            assertThat(newestSet.locator("[data-field=status]")).containsText("Cancelled");
            assertThat(newestSet.locator("[data-field=status]")).not().containsText("Failed");
            assertThat(newestSet.locator(".failure")).hasCount(0);
            assertThat(page.locator("svg.chart rect.bar.cancelled")).not().hasCount(0);
            assertThat(page.locator("#chart-time-axis text")).not().hasCount(0);
        }
    }
}
