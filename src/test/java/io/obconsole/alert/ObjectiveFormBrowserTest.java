package io.obconsole.alert;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant page's objective form in real Chromium (issue 24, point 8): each field on its own row
 * with its label beside it, and saving it says so.
 */
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
    void eachFieldOfTheObjectiveFormSitsOnItsOwnRowWithItsLabelBesideIt() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(tenantPage.toString(), "ada");
            page.locator("#objective-edit summary").click();
            List<String> ids = List.of("maxBackupAge", "maxFullAge", "maxArchiveLag", "maxRestoreTime", "provenWithin");
            List<BoundingBox> fields = ids.stream().map(id -> page.locator("#" + id).boundingBox()).toList();
            for (int i = 1; i < fields.size(); i++) {
                org.assertj.core.api.Assertions.assertThat(fields.get(i).y).as("%s starts below %s", ids.get(i), ids.get(i - 1))
                        .isGreaterThanOrEqualTo(fields.get(i - 1).y + fields.get(i - 1).height);
            }
            for (int i = 0; i < ids.size(); i++) {
                BoundingBox label = page.locator("label:has(#" + ids.get(i) + ") > span").boundingBox();
                org.assertj.core.api.Assertions.assertThat(label.x + label.width).as(ids.get(i) + " label ends before its field")
                        .isLessThanOrEqualTo(fields.get(i).x);
                org.assertj.core.api.Assertions.assertThat(label.y).as(ids.get(i) + " label on its field's row")
                        .isLessThan(fields.get(i).y + fields.get(i).height);
            }
            // the fields line up in one column, so the labels do not run into them
            org.assertj.core.api.Assertions.assertThat(fields.stream().map(f -> f.x).distinct()).hasSize(1);
        }
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
