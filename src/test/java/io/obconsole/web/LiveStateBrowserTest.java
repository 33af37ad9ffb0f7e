package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.obconsole.access.Operator;
import io.obconsole.alert.ObjectiveWatch;
import io.obconsole.alert.Objectives;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In real Chromium, what a page shows as current follows the cluster without a reload: the tenant
 * page's State section (last backups, preflight) when a backup ends, the overview's recovery points
 * when a tenant's evaluation changes.
 */
@QuarkusTest
class LiveStateBrowserTest {

    private static final LocatorAssertions.HasTextOptions LONG = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    private static final Operator ADMIN = new Operator("ada", "ada-subject", Set.of("backup-admin"), List.of("demo/*"),
            "127.0.0.1");

    @TestHTTPResource("/")
    URL console;

    @Inject
    Objectives objectives;

    @Inject
    ObjectiveWatch watch;

    @BeforeEach
    void scenarioState() {
        Demo.reset();
        watch.round();
    }

    @AfterEach
    void idleAndDefaultObjectives() {
        Demo.sql("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(300);
        objectives.set(ADMIN, "demo", "mysql_tenant", null, null, null, null, null);
    }

    @Test
    void aBackupThatEndsChangesTheTenantsStateSectionWithoutAReload() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "clusters/demo/tenants/mysql_tenant", "ada");
            assertThat(page.locator("#live-indicator")).hasText("Live");
            page.evaluate("() => { window.sameDocument = 'yes'; }");
            Locator lastInc = page.locator("section[aria-labelledby=state-title] dt:text-is('Last INCREMENTAL') + dd");
            String before = lastInc.textContent();

            Demo.sql("ALTER SYSTEM BACKUP INCREMENTAL TENANT = mysql_tenant");
            Locator checks = page.locator("section[aria-labelledby=state-title] ul.checks");
            // started from sys: the preflight names the open sys job, read with the job's first round
            assertThat(checks).containsText("Backup from sys still open",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));

            Demo.clock().advanceSeconds(300);
            assertThat(checks).not().containsText("Backup from sys still open",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(lastInc).not().hasText(before, LONG);
            assertThat(lastInc).containsText("ended");
            assertThat(page.locator("#backup-sets tbody tr").first().locator("td").first()).containsText("INCREMENTAL");
            assertThat(page.evaluate("() => window.sameDocument")).as("no reload").isEqualTo("yes");
        }
    }

    /**
     * Issue 24, point 4: a backup started from sys ends while the tenant page and the overview are
     * open; the tenant page's preflight loses "Backup from sys still open" and the overview's
     * recovery point moves, neither page reloaded and no objective round run by hand (the next
     * scheduled one may be half a minute away).
     */
    @Test
    void aBackupThatEndsClearsThePreflightAndMovesTheOverviewsRecoveryPointWithoutAReload() {
        try (Browser browser = Browser.launch()) {
            Page tenant = browser.signedIn(console + "clusters/demo/tenants/mysql_tenant", "ada");
            Page overview = tenant.context().newPage();
            overview.navigate(console.toString());
            for (Page page : List.of(tenant, overview)) {
                assertThat(page.locator("#live-indicator")).hasText("Live");
                page.evaluate("() => { window.sameDocument = 'yes'; }");
            }
            Locator point = overview.locator("#objectives tr[data-objective='demo/mysql_tenant'] [data-field=recovery-point]");
            assertThat(point.locator("time")).isAttached();
            String pointBefore = point.locator("time").getAttribute("datetime");
            Locator checks = tenant.locator("#tenant-state ul.checks");

            // from sys at a terminal: while its sys job is open, sys may start no other backup
            Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            assertThat(checks).containsText("Backup from sys still open",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));

            Demo.clock().advanceSeconds(300);
            assertThat(checks).not().containsText("Backup from sys still open",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(point.locator("time")).not().hasAttribute("datetime", pointBefore,
                    new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            for (Page page : List.of(tenant, overview)) {
                assertThat(page.evaluate("() => window.sameDocument")).as("no reload").isEqualTo("yes");
            }
        }
    }

    /**
     * Issue 24, point 4: the start form's preflight is computed for the person's choices, so it is
     * asked again (same choices) when the cluster changes: a backup started elsewhere blocks the
     * review, and its end frees it, without a reload or a touch of the form.
     */
    @Test
    void theStartFormsPreflightFollowsABackupThatStartsAndEndsElsewhere() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "backups/new?cluster=demo&tenant=mysql_tenant", "ada");
            assertThat(page.locator("#live-indicator")).hasText("Live");
            page.evaluate("() => { window.sameDocument = 'yes'; }");
            Locator preflight = page.locator("#preflight");
            Locator review = page.locator("#review");
            assertThat(review).isEnabled();

            Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            assertThat(preflight).containsText("9036", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(review).isDisabled();

            Demo.clock().advanceSeconds(300);
            assertThat(preflight).not().containsText("9036", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(review).isEnabled();
            assertThat(page.locator("input[name=tenants][value=mysql_tenant]")).isChecked();
            assertThat(page.evaluate("() => window.sameDocument")).as("no reload").isEqualTo("yes");
        }
    }

    @Test
    void theOverviewsRecoveryPointsFollowABreachWithoutAReload() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console.toString(), "vera");
            assertThat(page.locator("#live-indicator")).hasText("Live");
            page.evaluate("() => { window.sameDocument = 'yes'; }");
            Locator mysql = page.locator("#objectives tr[data-objective='demo/mysql_tenant']");
            assertThat(mysql).not().hasAttribute("data-state", "BREACHED");

            // its last backup is older than a minute: the next evaluation finds the objective breached
            objectives.set(ADMIN, "demo", "mysql_tenant", "PT1M", null, null, null, null);
            assertThat(mysql).hasAttribute("data-state", "BREACHED",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            assertThat(mysql.locator("[data-field=distance]")).containsText("breached");
            assertThat(page.evaluate("() => window.sameDocument")).as("no reload").isEqualTo("yes");
        }
    }
}
