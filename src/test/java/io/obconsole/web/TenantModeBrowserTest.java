package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.obconsole.demo.DemoControl;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeds' second path in real Chromium: the {@code payroll} cluster entry signs in as the
 * tenant's own administrator, so a backup started from the console is the tenant backing itself
 * up ({@code ALTER SYSTEM BACKUP DATABASE}, read back from {@code DBA_} views), from the form
 * through the confirmation to the job running live and ending.
 */
@QuarkusTest
class TenantModeBrowserTest {

    private static final LocatorAssertions.HasCountOptions LONG = new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    @TestHTTPResource("/clusters/payroll/tenants/payroll")
    URL payrollPage;

    @Inject
    ProgressPoller poller;

    @BeforeEach
    void idlePayroll() throws Exception {
        control().recover();
        control().unstall("payroll");
        Demo.sqlOn("payroll", "root@payroll", "ALTER SYSTEM CANCEL BACKUP");
        Demo.clock().advanceSeconds(600);
        poller.refreshNow("payroll").get(60, TimeUnit.SECONDS);
        control().resetStatements();
    }

    @AfterEach
    void leavePayrollIdle() {
        Demo.sqlOn("payroll", "root@payroll", "ALTER SYSTEM CANCEL BACKUP");
        Demo.clock().advanceSeconds(600);
    }

    private static DemoControl control() {
        return Demo.cluster("payroll").control();
    }

    @Test
    void adaBacksUpThePayrollTenantFromItsOwnAccountAndWatchesTheJobEnd() throws Exception {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(payrollPage.toString(), "ada");
            assertThat(page.locator("#live-indicator")).hasText("Live");

            page.locator("#start-backup").click();
            assertThat(page.locator("#cluster")).hasValue("payroll");
            assertThat(page.locator("#tenants label")).hasText(new String[] {"payroll"});
            Browser.chooseTenants(page, "payroll");
            page.locator("#type-full").check();
            page.locator("#description").fill("payroll before the release");
            page.locator("#review").click();

            // the statement a tenant's administrator runs for itself: no TENANT clause
            assertThat(page.locator("#statements")).containsText("ALTER SYSTEM BACKUP DATABASE DESCRIPTION = 'payroll before the release'");
            assertThat(page.locator("#statements")).not().containsText("TENANT =");
            assertThat(control().statementsReceived()).noneMatch(sql -> sql.startsWith("ALTER SYSTEM"));

            page.locator("#confirm").click();
            page.waitForURL(url -> url.contains("/clusters/payroll/tenants/payroll"));
            Locator running = page.locator("[data-fragment=running]");
            assertThat(running).hasCount(1, LONG);

            assertThat(control().statementsWithConnections()).filteredOn(s -> s.sql().startsWith("ALTER SYSTEM"))
                    .singleElement().satisfies(s -> {
                        assertThat(s.sql()).isEqualTo("ALTER SYSTEM BACKUP DATABASE DESCRIPTION = 'payroll before the release'");
                        assertThat(s.account()).isEqualTo("root@payroll");
                    });
            assertThat(control().statementsReceived()).as("inside a tenant the console reads DBA_ views, never CDB_ ones")
                    .noneMatch(sql -> sql.contains("CDB_"));

            // a full backup takes a minute of demo time: the job ends and leaves "Running" without a reload
            Demo.clock().advanceSeconds(300);
            poller.pollNow("payroll").get(30, TimeUnit.SECONDS);
            assertThat(running).hasCount(0, LONG);
            Locator newest = page.locator("#job-history tbody tr").first();
            assertThat(newest).hasAttribute("data-status", "COMPLETED");
            assertThat(newest).hasAttribute("data-job-key", java.util.regex.Pattern.compile("^payroll/"));
        }
    }
}
