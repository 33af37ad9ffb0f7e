package io.obconsole.alert;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Page;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant page's objective form in real Chromium (issue 24, point 8): saving it says so. */
@QuarkusTest
class ObjectiveFormBrowserTest {

    @TestHTTPResource("/clusters/demo/tenants/analytics")
    URL tenantPage;

    @Inject
    ObjectiveWatch watch;

    @Inject
    io.obconsole.progress.ProgressPoller poller;

    @BeforeEach
    void evaluatedWithoutAnOwnObjective() throws Exception {
        noOwnObjective();
        poller.refreshNow("demo").get(30, TimeUnit.SECONDS);
        watch.round();
    }

    @AfterEach
    void noOwnObjective() {
        given().auth().oauth2(Tokens.accessToken("ada")).delete("/api/v1/objectives/demo/analytics");
    }

    @Test
    void savingTheObjectiveSaysItWasSaved() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(tenantPage.toString(), "ada");
            assertThat(page.locator("#flash")).hasCount(0);
            page.locator("#objective-edit summary").click();
            page.locator("#maxBackupAge").fill("PT20H");
            page.locator("#objective-save").click();

            assertThat(page.locator("#flash")).hasText("Objective saved.");
            assertThat(page.locator("#flash")).isInViewport();
            assertThat(page.locator("#objective-limits")).containsText("this tenant’s own setting");
        }
    }

    @Test
    void anAdminSetsTheTenantsRestoreTimeAndProvenWithinObjectivesOnItsPage() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(tenantPage.toString(), "ada");
            assertThat(page.locator("#objective-limits")).containsText("Restore of the last proven drill at most 4 h (the console’s configuration)");
            page.locator("#objective-edit summary").click();
            page.locator("#maxRestoreTime").fill("PT30M");
            page.locator("#provenWithin").fill("P14D");
            page.locator("#objective-save").click();

            assertThat(page.locator("#flash")).hasText("Objective saved.");
            assertThat(page.locator("#objective-limits")).containsText(
                    "Restore of the last proven drill at most 30 min (this tenant’s own setting)");
            assertThat(page.locator("#objective-limits")).containsText(
                    "Proven restorable by a drill within 14 d (this tenant’s own setting)");
            page.locator("#objective-edit summary").click();
            assertThat(page.locator("#provenWithin")).hasValue("PT336H");
        }
    }
}
