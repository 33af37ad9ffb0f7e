package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.obconsole.api.SetupFixture;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** In real Chromium: an administrator fixes analytics from the preflight's Fix links (destination, then archiving). */
@QuarkusTest
class SetupJourneyBrowserTest {

    @TestHTTPResource("/")
    URL console;

    @Test
    void adaSetsTheDestinationAndTurnsArchivingOnForAnalyticsFromThePreflightsFixLinks() {
        SetupFixture.restore();
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console.toString(), "ada");
            String startForm = console + "backups/new?cluster=demo&tenant=analytics";

            page.navigate(startForm);
            page.locator("#preflight a.fix[data-check=BACKUP_DEST_SET]").click();
            page.waitForURL(url -> url.contains("/clusters/demo/tenants/analytics/setup?fix=dest"));
            assertThat(page.locator("#data-dest-uri")).hasValue("file:///data/backup/analytics");
            page.locator("#data-dest-review").click();
            assertThat(page.locator("#plan-statements"))
                    .containsText("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/analytics' TENANT = analytics");
            assertThat(Demo.cluster().control().statementsReceived()).as("nothing runs before the confirmation")
                    .noneMatch(sql -> sql.startsWith("ALTER SYSTEM"));
            page.locator("#confirm-setup").click();
            assertThat(page.locator("#flash")).containsText("The change was made");
            assertThat(page.locator("#data-dest-value")).hasText("file:///data/backup/analytics");

            page.navigate(startForm);
            page.locator("#preflight a.fix[data-check=ARCHIVE_DOING]").click();
            page.waitForURL(url -> url.contains("/clusters/demo/tenants/analytics/setup?fix=archive"));
            page.locator("#start-archiving").click();
            assertThat(page.locator("#plan-statements")).containsText("ALTER SYSTEM ARCHIVELOG TENANT = analytics");
            page.locator("#confirm-setup").click();
            assertThat(page.locator("#archive-state")).containsText("BEGINNING");

            Demo.clock().advanceSeconds(5);
            assertThat(page.locator("#archive-state")).containsText("DOING");
            assertThat(page.locator("#stop-archiving")).isVisible();
            page.navigate(startForm);
            assertThat(page.locator("#preflight")).not().containsText("Log archiving");
            assertThat(page.locator("#preflight a.fix")).hasCount(0);
        } finally {
            SetupFixture.restore();
        }
    }
}
