package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.obconsole.access.TenantScope;
import io.obconsole.audit.AuditFilter;
import io.obconsole.audit.AuditQuery;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each demo team sees and does in real Chromium, signed in through the real Keycloak. */
@QuarkusTest
class OperatorJourneyBrowserTest {

    @TestHTTPResource("/")
    URL console;

    @Inject
    AuditQuery audit;

    @Test
    void ottoStartsAFullBackupOfMysqlTenantThroughFormAndConfirmationAndLandsOnTheJob() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console.toString(), "otto");
            assertThat(page.locator("main")).containsText("mysql_tenant");
            assertThat(page.locator("body")).not().containsText("oracle_tenant");

            page.locator("#start-backup").first().click();
            assertThat(page.locator("#tenants label")).hasText(new String[] {"mysql_tenant"});
            Browser.chooseTenants(page, "mysql_tenant");
            page.locator("#type-full").check();
            page.locator("#description").fill("nightly check by otto");
            Demo.cluster().control().resetStatements();
            page.locator("#review").click();

            assertThat(page.locator("main")).containsText("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            assertThat(Demo.cluster().control().statementsReceived())
                    .as("nothing runs before the operator confirms")
                    .noneMatch(sql -> sql.toUpperCase().contains("ALTER SYSTEM BACKUP"));

            page.locator("#confirm").click();
            page.waitForURL(url -> url.contains("/clusters/demo/tenants/mysql_tenant"));
            assertThat(page.locator("[data-job-key]").first()).isVisible();
            assertThat(Demo.cluster().control().statementsReceived())
                    .anyMatch(sql -> sql.contains("ALTER SYSTEM BACKUP TENANT = mysql_tenant"));
        }
    }

    @BeforeEach
    void scenarioState() {
        Demo.reset();
    }

    /** Whatever a test started (or failed half-way through starting) does not outlive it. */
    @AfterEach
    void leaveMysqlTenantIdle() {
        cancelOnCluster();
    }

    @Test
    void veraSeesNoStartButtonAndHerForgedPostIsRefusedWithNothingSentToTheCluster() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console.toString(), "vera");
            assertThat(page.locator("main")).containsText("mysql_tenant");
            assertThat(page.locator("#start-backup")).hasCount(0);

            String csrf = page.locator("input[name=csrf-token]").first().inputValue();
            Demo.cluster().control().resetStatements();
            APIResponse forged = page.request().post(console + "backups/review", RequestOptions.create()
                    .setForm(FormData.create().set("csrf-token", csrf).set("cluster", "demo")
                            .set("tenants", "mysql_tenant").set("type", "FULL"))
                    .setMaxRedirects(0));

            assertThat(forged.status()).isEqualTo(403);
            assertThat(Demo.cluster().control().statementsReceived())
                    .noneMatch(sql -> sql.toUpperCase().contains("ALTER SYSTEM"));
        }
    }

    @Test
    void adaVerifiesTheAuditChain() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "audit", "ada");
            page.locator("#verify-chain").click();
            assertThat(page.locator("#chain-result")).containsText("Intact");
        }
    }

    @Test
    void ottosExpiredSessionOnSubmitLeadsBackToTheSameFormWithHisChoicesAfterSignInAndSendsNothing() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "backups/new", "otto");
            Browser.chooseTenants(page, "mysql_tenant");
            page.locator("#type-full").check();
            page.locator("#concurrency").fill("7");
            page.locator("#password").fill("Expir3d-pw");
            page.locator("#passwordConfirmation").fill("Expir3d-pw");
            page.locator("#plusArchivelog").check();
            page.locator("#description").fill("before the session ran out");
            long startsBefore = auditedStartsBy("otto");
            Demo.cluster().control().resetStatements();
            page.context().clearCookies(); // how an expired session looks to the console and to Keycloak

            page.locator("#review").click();
            page.locator("#username").fill("otto");
            page.locator("#password").fill("otto");
            page.locator("#kc-login").click();
            page.waitForURL(url -> url.contains("/backups/new") && url.contains("msg=session-expired"));

            assertThat(page.locator("#flash")).containsText("Your session had expired, so nothing was sent");
            assertThat(page.locator("#tenants input:checked")).hasValue("mysql_tenant");
            assertThat(page.locator("#type-full")).isChecked();
            assertThat(page.locator("#concurrency")).hasValue("7");
            assertThat(page.locator("#plusArchivelog")).isChecked();
            assertThat(page.locator("#description")).hasValue("before the session ran out");
            assertThat(page.locator("#password")).hasValue("");
            assertThat(page.locator("#passwordConfirmation")).hasValue("");
            assertThat((String) page.evaluate("() => JSON.stringify(sessionStorage)")).doesNotContain("Expir3d");
            assertThat(Demo.cluster().control().statementsReceived())
                    .noneMatch(sql -> sql.startsWith("ALTER SYSTEM") || sql.startsWith("SET ENCRYPTION"));
            assertThat(auditedStartsBy("otto")).as("no start was recorded").isEqualTo(startsBefore);

            page.locator("#review").click();
            assertThat(page.locator("#statements")).containsText(
                    "ALTER SYSTEM BACKUP TENANT = mysql_tenant PLUS ARCHIVELOG DESCRIPTION = 'before the session ran out'");
            assertThat(page.locator("#statements")).not().containsText("SET ENCRYPTION");
        }
    }

    @Test
    void timesShowInTheReadersZoneWithUtcOnHover() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPageIn("Asia/Kolkata", "en-GB");
            Browser.signIn(page, console + "clusters/demo/tenants/mysql_tenant", "vera", "vera");
            Locator time = page.locator("#backup-sets time").first();
            assertThat(page.locator("html")).hasAttribute("data-ready", "true");

            Instant instant = Instant.parse(time.getAttribute("datetime"));
            ZonedDateTime inKolkata = instant.atZone(ZoneId.of("Asia/Kolkata"));
            assertThat(time).hasAttribute("title",
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").format(instant.atZone(ZoneOffset.UTC)));
            // year first, as the UTC text is written: 06/12/2026 would read as June in the US
            assertThat(time).hasText(java.util.regex.Pattern.compile(
                    "^" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(inKolkata) + " \\S+$"));
            assertThat(time).not().containsText("UTC");
        }
    }

    /** How many backup starts the audit trail holds for a person. */
    private long auditedStartsBy(String username) {
        return audit.page(new AuditFilter(username, "demo", null, "BACKUP_FULL", null, null, null), TenantScope.ALL, 0, 1)
                .total();
    }

    private static void cancelOnCluster() {
        Demo.sql("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(30);
    }
}
