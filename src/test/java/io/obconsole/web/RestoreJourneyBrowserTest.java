package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.obconsole.demo.DemoSql;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 in real Chromium, as {@code rita} (restore-operator for demo/*) does it: the wizard
 * refuses a point outside the window before anything runs; a restore goes wizard → review (exact
 * statements, password masked) → typed confirmation → the Jobs page, which follows it to its end
 * without reload; cancel with a typed confirmation; activate. The demo's clock moves the restore on.
 */
@QuarkusTest
class RestoreJourneyBrowserTest {

    private static final String PASSWORD = "Wizard-secret-42";

    @TestHTTPResource("/")
    URL console;

    @BeforeEach
    void freshCluster() {
        Demo.reset();
    }

    @AfterEach
    void putBack() {
        Demo.reset();
    }

    private static List<String> received(String prefix) {
        return Demo.cluster().control().statementsReceived().stream().filter(s -> s.startsWith(prefix)).toList();
    }

    /** Demo time moves on and the fleet reads the cluster, as the poller would on its next rounds. */
    private static void later(int seconds) {
        Demo.clock().advanceSeconds(seconds);
        Demo.fleetRead();
    }

    /** Fills the wizard for a restore of {@code source} into a new tenant of demo with a new unit and pool. */
    private void fillWizard(Page page, String source, String newTenant) {
        page.navigate(console + "restores/new?source=" + source);
        page.locator("#r-target").selectOption("demo");
        page.locator("#r-name").fill(newTenant);
        page.locator("#r-pool-create").check();
        page.locator("#r-new-pool").fill(newTenant + "_pool");
        page.locator("#r-new-unit").fill(newTenant + "_unit");
    }

    /** Wizard, review, typed confirmation: the person lands on the Jobs page with the restore's row. */
    private Locator restoreThroughTheWizard(Page page, String newTenant) {
        fillWizard(page, "demo/mysql_tenant", newTenant);
        page.locator("#review").click();
        page.waitForURL(Pattern.compile(".*/restores/review/.*"));
        page.locator("#confirm-name").fill(newTenant);
        page.locator("#confirm").click();
        page.waitForURL(Pattern.compile(".*/jobs\\?type=RESTORE.*"));
        // the RESTORE goes on until its tenant exists, which the demo's clock brings
        Demo.clock().advanceSeconds(10);
        return restoreRow(page, newTenant);
    }

    /** The restore's row on the Jobs page. */
    private static Locator restoreRow(Page page, String tenant) {
        return page.locator("#restores tr[data-job-key]").filter(new Locator.FilterOptions().setHasText(tenant));
    }

    /**
     * Moves demo time on, {@code step} seconds a look, until the row says {@code status}, the page not
     * reloaded in between. A phase is caught with steps well inside it: the demo restores mysql_tenant's
     * data in 24 s of its time, so RESTORING wants one-second steps, an ending may take 30.
     */
    private static void until(Locator row, String status, int step) {
        await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (status.equals(row.getAttribute("data-status"))) {
                        return true;
                    }
                    later(step);
                    return false;
                });
    }

    @Test
    void aPointBeforeTheWindowIsRefusedOnTheWayToTheReviewAndNothingRuns() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "restores/new", "rita");
            fillWizard(page, "demo/mysql_tenant", "too_old");
            page.locator("#r-point-time").check();
            page.locator("#r-time").fill("2020-01-01T00:00");
            page.locator("#review").click();

            assertThat(page.locator("#restore-error")).containsText("before the earliest restorable point");
            assertThat(page).hasURL(Pattern.compile(".*/restores/review$"));
            assertThat(page.locator("#statements")).hasCount(0);
            assertThat(page.locator("#r-name")).hasValue("too_old");
        }
        assertThat(Demo.cluster().control().statementsReceived())
                .noneMatch(s -> s.startsWith("ALTER SYSTEM RESTORE") || s.startsWith("CREATE RESOURCE"));
    }

    @Test
    void theTimeIsTypedInTheReadersZoneWithUtcBesideItAndAnExistingPoolIsChosenFromTheTargetsFreePools() {
        Demo.sql("CREATE RESOURCE UNIT spare_unit MAX_CPU = 2, MEMORY_SIZE = '8G'");
        Demo.sql("CREATE RESOURCE POOL spare_pool UNIT = 'spare_unit', UNIT_NUM = 1");
        Demo.cluster().control().resetStatements();
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPageIn("Asia/Kolkata", "en-GB");
            Browser.signIn(page, console + "clusters/demo/tenants/mysql_tenant", "rita", "rita");
            page.locator("#restore-link").click();
            assertThat(page.locator("#r-source")).hasValue("demo/mysql_tenant");
            page.locator("#r-name").fill("spare_copy");
            page.locator("#r-pool-existing").check();
            assertThat(page.locator("#r-pool optgroup[data-cluster=demo] option")).hasText(new String[] {"spare_pool"});
            page.locator("#r-pool").selectOption("spare_pool");

            page.locator("#r-point-time").check();
            // Chromium names the zone by its older tzdb link, which Java reads as the same zone
            assertThat(page.locator("#r-zone")).hasValue(Pattern.compile("^Asia/(Kolkata|Calcutta)$"));
            page.locator("#r-time").fill("2020-01-01T00:00");
            assertThat(page.locator("#r-time-utc")).hasText("= 2019-12-31 18:30:00 UTC");
            page.locator("#review").click();
            // the server read the time in the reader's zone: five and a half hours before midnight UTC
            assertThat(page.locator("#restore-error")).containsText("2019-12-31 18:30:00");
            assertThat(page.locator("#restore-error")).containsText("before the earliest restorable point");

            page.locator("#r-point-latest").check();
            page.locator("#review").click();
            page.waitForURL(Pattern.compile(".*/restores/review/.*"));
            assertThat(page.locator("#statements")).containsText("WITH 'pool_list=spare_pool'");
            assertThat(page.locator("#statements")).not().containsText("CREATE RESOURCE");
        }
        assertThat(received("ALTER SYSTEM RESTORE")).isEmpty();
    }

    @Test
    void aRestoreIsReviewedConfirmedByNameAndFollowedLiveOnTheJobsPageToItsEnd() throws SQLException {
        encryptedBackupOf("oracle_tenant");
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "restores/new", "rita");
            fillWizard(page, "demo/oracle_tenant", "copy_live");
            page.locator("#r-pw1").fill(PASSWORD);
            page.locator("#review").click();

            page.waitForURL(Pattern.compile(".*/restores/review/.*"));
            Locator statements = page.locator("#statements");
            assertThat(statements).containsText("CREATE RESOURCE UNIT copy_live_unit");
            assertThat(statements).containsText("CREATE RESOURCE POOL copy_live_pool UNIT = 'copy_live_unit'");
            assertThat(statements).containsText("SET DECRYPTION IDENTIFIED BY '***'");
            assertThat(statements).containsText(Pattern.compile(
                    "ALTER SYSTEM RESTORE copy_live FROM 'file:///data/backup/oracle_tenant,[^']+' UNTIL SCN=\\d+ "
                            + "WITH 'pool_list=copy_live_pool'"));
            assertThat(page.locator("body")).not().containsText(PASSWORD);
            assertThat(received("ALTER SYSTEM RESTORE")).as("nothing runs before the confirmation").isEmpty();

            page.locator("#confirm-name").fill("copy");
            page.locator("#confirm").click();
            assertThat(page.locator("#confirm-error")).containsText("Type the new tenant's name, copy_live");
            assertThat(received("ALTER SYSTEM RESTORE")).isEmpty();

            page.locator("#confirm-name").fill("copy_live");
            page.locator("#confirm").click();
            page.waitForURL(Pattern.compile(".*/jobs\\?type=RESTORE.*"));
            Demo.clock().advanceSeconds(10);
            page.evaluate("() => { window.sameDocument = 'yes'; }");
            Locator row = restoreRow(page, "copy_live");
            assertThat(row).hasCount(1);
            assertThat(received("ALTER SYSTEM RESTORE")).singleElement().asString().startsWith("ALTER SYSTEM RESTORE copy_live");

            until(row, "SUCCESS", 30);

            assertThat(row).hasCount(1);
            assertThat(row.locator("[data-restore-status]")).hasText("SUCCESS");
            assertThat(row.locator("[data-restore-data]")).hasText("100.0%");
            assertThat(row.locator("[data-restore-result]")).containsText("restored");
            assertThat(row.locator("[data-restore-result]")).containsText("STANDBY");
            assertThat(row.locator("[data-activate-restore]")).isVisible();
            assertThat(page.evaluate("() => window.sameDocument")).as("no reload happened").isEqualTo("yes");
        }
    }

    @Test
    void cancelAsksForTheNameDropsTheTenantAndKeepsItsPool() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "restores/new", "rita");
            Locator row = restoreThroughTheWizard(page, "doomed");
            until(row, "RESTORING", 1);

            row.locator("[data-cancel-restore]").click();
            assertThat(page.locator("#cancel-effect")).containsText("drops the tenant doomed");
            assertThat(page.locator("#cancel-effect")).containsText("resource pools are kept");
            page.locator("#confirm-name").fill("doom");
            page.locator("#confirm-cancel").click();
            assertThat(page.locator("#confirm-error")).containsText("Type the tenant's name, doomed");
            assertThat(received("ALTER SYSTEM CANCEL RESTORE")).isEmpty();

            page.locator("#confirm-name").fill("doomed");
            page.locator("#confirm-cancel").click();
            page.waitForURL(Pattern.compile(".*/jobs\\?type=RESTORE.*"));
            Locator ended = restoreRow(page, "doomed");
            until(ended, "FAIL", 30);
            assertThat(ended.locator("[data-restore-result]")).containsText("physical restore canceled");
            assertThat(ended.locator("[data-restore-result]")).containsText("kept its resource pools");
        }
        assertThat(received("ALTER SYSTEM CANCEL RESTORE")).containsExactly("ALTER SYSTEM CANCEL RESTORE doomed");
        assertThat(Demo.query("SELECT TENANT_NAME FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = 'doomed'")).isEmpty();
        assertThat(Demo.query("SELECT TENANT_ID FROM oceanbase.DBA_OB_RESOURCE_POOLS WHERE NAME = 'doomed_pool'"))
                .singleElement().satisfies(pool -> assertThat(pool.get("TENANT_ID")).isNull());
    }

    @Test
    void theRestoredTenantsPageFollowsItsRestoreLiveThenActivateShowsTheStandbyBecomingPrimary() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "restores/new", "rita");
            until(restoreThroughTheWizard(page, "promoted"), "RESTORING", 1);

            page.navigate(console + "clusters/demo/tenants/promoted");
            page.evaluate("() => { window.sameDocument = 'yes'; }");
            Locator row = page.locator("#restores-section tr[data-job-key]");
            assertThat(page.locator("#restores-title")).hasText("Restore into this tenant");
            assertThat(row).hasAttribute("data-status", Pattern.compile("RESTORING|UPGRADE|POST_CHECK"));
            assertThat(row.locator("[data-restore-result]")).containsText(Pattern.compile("restoring|checking|upgrading"));
            until(row, "SUCCESS", 30);
            assertThat(row.locator("[data-restore-result]")).containsText("restored");
            assertThat(row.locator("[data-restore-result]")).containsText("STANDBY");
            assertThat(page.evaluate("() => window.sameDocument")).as("no reload happened").isEqualTo("yes");

            row.locator("[data-activate-restore]").click();
            assertThat(page.locator("#role-now")).hasText("STANDBY");
            assertThat(received("ALTER SYSTEM ACTIVATE")).isEmpty();
            page.locator("#confirm-activate").click();

            assertThat(page.locator("#role-before")).hasText("STANDBY");
            assertThat(page.locator("#role-after")).hasText("PRIMARY");
        }
        assertThat(received("ALTER SYSTEM ACTIVATE")).containsExactly("ALTER SYSTEM ACTIVATE STANDBY TENANT = promoted");
        assertThat(Demo.query("SELECT TENANT_ROLE FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = 'promoted'"))
                .singleElement().satisfies(t -> assertThat(t.get("TENANT_ROLE")).isEqualTo("PRIMARY"));
    }

    /** A full backup of {@code tenant} encrypted with {@link #PASSWORD}, as an administrator runs it at a terminal. */
    private static void encryptedBackupOf(String tenant) throws SQLException {
        try (Connection c = DemoSql.connect(Demo.cluster(), "root@sys")) {
            c.createStatement().execute("SET ENCRYPTION ON IDENTIFIED BY '" + PASSWORD + "' ONLY");
            c.createStatement().execute("ALTER SYSTEM BACKUP TENANT = " + tenant);
        }
        later(120);
        Demo.cluster().control().resetStatements();
    }
}
