package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.obconsole.api.ApiFixture;
import io.restassured.path.json.JsonPath;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start form as issue 10 found it wanting, in real Chromium: the acknowledgement shows only
 * for INCREMENTAL, Review waits while the preflight blocks, a preflight that names a blocking job
 * says when it started in words rather than a raw ISO timestamp, and a concurrency change shows
 * the value it replaces on the form, the confirmation and the audit page ("all tenants", not "*").
 */
@QuarkusTest
class StartFormBrowserTest {

    private static final Pattern RAW_ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");

    @TestHTTPResource("/backups/new?cluster=demo&tenant=mysql_tenant")
    URL form;

    @TestHTTPResource("/clusters/demo/tenants/mysql_tenant")
    URL tenantPage;

    @TestHTTPResource("/audit")
    URL auditPage;

    @BeforeEach
    void scenarioState() {
        Demo.reset();
        Demo.cluster().control().setThreadScore("mysql_tenant", 4);
        Demo.fleetRead();
    }

    @AfterEach
    void idle() {
        Demo.sql("ALTER SYSTEM CANCEL BACKUP");
        Demo.clock().advanceSeconds(600);
        Demo.reset();
    }

    /** Issue 24, point 8: the picker was a multi-select as many rows high as tenants (one row for otto). */
    @Test
    void everyTenantIsATickBoxInViewWithItsNameBesideIt() {
        try (Browser browser = Browser.launch()) {
            Page otto = browser.signedIn(form.toString(), "otto");
            Locator own = otto.locator("#tenants input[type=checkbox][name=tenants]");
            assertThat(own).hasCount(1);
            assertThat(own).isChecked();
            assertThat(own).isInViewport();
            assertThat(otto.locator("#tenants label")).hasText(new String[] {"mysql_tenant"});

            Page ada = browser.signedIn(form.toString().replace("&tenant=mysql_tenant", ""), "ada");
            Locator boxes = ada.locator("#tenants input[type=checkbox][name=tenants]");
            assertThat(boxes).hasCount(3);
            assertThat(ada.locator("#tenants label")).hasText(new String[] {"mysql_tenant", "oracle_tenant", "analytics"});
            Browser.chooseTenants(ada);
            assertThat(ada.locator("#tenants input:checked")).hasCount(0);
            ada.locator("#tenants label", new Page.LocatorOptions().setHasText("oracle_tenant")).click();
            ada.locator("#tenants label", new Page.LocatorOptions().setHasText("mysql_tenant")).click();
            assertThat(ada.locator("#tenants input:checked")).hasCount(2);
            assertThat(ada.locator("#preflight")).containsText("oracle_tenant");
        }
    }

    @Test
    void theAcknowledgementShowsForIncrementalOnlyAndReviewWaitsWhileThePreflightBlocks() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(form.toString(), "ada");
            assertThat(page.locator("#tenants input:checked")).hasValue("mysql_tenant");
            assertThat(page.locator("#acknowledge")).isHidden();
            page.locator("#type-incremental").check();
            assertThat(page.locator("#acknowledge")).isVisible();
            page.locator("#type-full").check();
            assertThat(page.locator("#acknowledge")).isHidden();
            assertThat(page.locator("#review")).isEnabled();

            // analytics neither archives nor has a destination: OceanBase would refuse it
            Browser.chooseTenants(page, "analytics");
            assertThat(page.locator("#preflight")).containsText("analytics");
            assertThat(page.locator("#review")).isDisabled();

            Browser.chooseTenants(page, "mysql_tenant");
            assertThat(page.locator("#review")).isEnabled();
        }
    }

    @Test
    void aBlockingSysJobIsNamedWithItsStarterAndAReadableTime() {
        // a backup of every tenant started from sys at a terminal: while it is open OceanBase refuses every other from sys
        Demo.sql("ALTER SYSTEM BACKUP DATABASE");
        Demo.fleetRead();
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(form.toString(), "ada");
            assertThat(page.locator("#preflight")).containsText("9036");
            String preflight = page.locator("#preflight").innerText();
            assertThat(RAW_ISO_TIME.matcher(preflight).find()).as(preflight).isFalse();
            assertThat(page.locator("#review")).isDisabled();
        }
    }

    /**
     * Issue 24, point 5: the preflight names the blocking backup by the job the tenant page shows
     * running (the sys job only as its parent), and its start as the pages show every time.
     */
    @Test
    void aBlockingSysJobIsNamedByTheTenantJobThePagesShowAndItsStartReadsAsTheirTimes() {
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.fleetRead();
        JsonPath running = ApiFixture.as("ada").get("/api/v1/jobs?cluster=demo&tenant=mysql_tenant&status=RUNNING")
                .then().statusCode(200).extract().jsonPath();
        long sysJob = running.getLong("jobs[0].job.initiatorJobId");
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(tenantPage.toString(), "ada");
            Locator runningJob = page.locator("[data-fragment=running]");
            String tenantJob = runningJob.getAttribute("id").replace("running-", "");
            assertThat(runningJob).containsText("Job " + tenantJob + ",");
            Locator startedOnTenantPage = runningJob.locator("time").first();
            assertThat(startedOnTenantPage).not().hasText(RAW_ISO_TIME);
            String shownStart = startedOnTenantPage.innerText();
            String startInstant = startedOnTenantPage.getAttribute("datetime");

            page.navigate(form.toString());
            Locator preflight = page.locator("#preflight");
            assertThat(preflight).containsText("9036");
            assertThat(preflight).containsText("job " + tenantJob + " of mysql_tenant");
            assertThat(preflight).containsText("sys job " + sysJob);
            assertThat(preflight).not().containsText("(cluster time)");
            Locator startedInPreflight = preflight.locator("time");
            assertThat(startedInPreflight).hasCount(1);
            assertThat(startedInPreflight).hasAttribute("datetime", startInstant);
            assertThat(startedInPreflight).hasText(shownStart);
        }
    }

    @Test
    void aConcurrencyChangeShowsThePreviousValueOnTheFormTheConfirmationAndTheAuditPage() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(form.toString(), "ada");
            assertThat(page.locator("#concurrency-now")).containsText("mysql_tenant 4");

            page.locator("#concurrency").fill("9");
            page.locator("#description").fill("concurrency check");
            page.locator("#review").click();
            assertThat(page.locator("#review-concurrency")).hasText(Pattern.compile("^9 \\(was mysql_tenant 4\\)$"));

            page.locator("#confirm").click();
            page.waitForURL(url -> url.contains("/clusters/demo/tenants/mysql_tenant"));

            page.navigate(auditPage + "?actor=ada&action=BACKUP_FULL");
            com.microsoft.playwright.Locator newest = page.locator("#audit-records tbody tr").first();
            assertThat(newest.locator(".parameters")).containsText("concurrency: 9");
            assertThat(newest.locator(".parameters")).containsText("concurrencyBefore: mysql_tenant 4");
        }
    }

    @Test
    void anAllTenantsRecordReadsAllTenantsOnTheAuditPage() {
        // every tenant ready for a backup, so the all-tenants preflight passes
        Demo.cluster().control().setArchive("analytics", "DOING");
        Demo.cluster().control().setBackupDest("analytics", "file:///data/backup/analytics");
        Demo.fleetRead();
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(form.toString(), "ada");
            Browser.chooseTenants(page);
            page.locator("#allTenants").check();
            page.locator("#description").fill("every tenant");
            page.locator("#review").click();
            page.locator("#confirm").click();
            page.waitForURL(url -> !url.contains("/backups/review"));

            page.navigate(auditPage + "?actor=ada&action=BACKUP_FULL");
            com.microsoft.playwright.Locator newest = page.locator("#audit-records tbody tr").first();
            assertThat(newest).containsText("all tenants");
            assertThat(newest.locator("td").nth(5)).hasText("all tenants");
        }
    }
}
