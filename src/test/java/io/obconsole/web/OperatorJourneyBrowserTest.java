package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What each demo team sees and does in real Chromium, signed in through the real Keycloak. */
@QuarkusTest
class OperatorJourneyBrowserTest {

    @TestHTTPResource("/")
    URL console;

    @Test
    void ottoStartsAFullBackupOfMysqlTenantThroughFormAndConfirmationAndLandsOnTheJob() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, console.toString(), "otto", "otto");
            assertThat(page.locator("main")).containsText("mysql_tenant");
            assertThat(page.locator("body")).not().containsText("oracle_tenant");

            page.locator("#start-backup").first().click();
            assertThat(page.locator("#tenants option")).hasText(new String[] {"mysql_tenant"});
            page.locator("#tenants").selectOption("mysql_tenant");
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
            cancelOnCluster();
        }
    }

    @Test
    void veraSeesNoStartButtonAndHerForgedPostIsRefusedWithNothingSentToTheCluster() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, console.toString(), "vera", "vera");
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
            Page page = browser.newPage();
            Browser.signIn(page, console + "audit", "ada", "ada");
            page.locator("#verify-chain").click();
            assertThat(page.locator("#chain-result")).containsText("Intact");
        }
    }

    private static void cancelOnCluster() {
        java.util.Properties account = new java.util.Properties();
        account.setProperty("user", "root@sys");
        account.setProperty("password", "demo");
        try (java.sql.Connection c = new com.mysql.cj.jdbc.Driver().connect(
                "jdbc:mysql://127.0.0.1:" + Demo.cluster().port() + "/oceanbase?sslMode=DISABLED", account)) {
            c.createStatement().execute("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
            Demo.clock().advanceSeconds(30);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
