package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.obconsole.api.ApiFixture;
import io.obconsole.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy page as a person reads it in real Chromium (issue 24, point 8): each field of the
 * form on its own row with its label beside it, and a paused policy says it is paused where the
 * next runs would be.
 */
@QuarkusTest
class PolicyFormBrowserTest {

    private static final String POLICY = "/api/v1/policies/demo/oracle_tenant";

    @TestHTTPResource("/clusters/demo/tenants/oracle_tenant/policy")
    URL policyPage;

    @BeforeEach
    @AfterEach
    void noPolicy() {
        ApiFixture.as("ada").delete(POLICY);
    }

    @Test
    void eachFieldOfThePolicyFormSitsOnItsOwnRowWithItsLabelBesideIt() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(policyPage.toString(), "ada");
            List<String> ids = List.of("full-time", "full-cron", "inc-time", "inc-cron", "time-zone", "concurrency",
                    "description", "secret-name", "policy-max-backup-age", "policy-max-full-age", "policy-max-archive-lag");
            List<BoundingBox> fields = ids.stream().map(id -> page.locator("#" + id).boundingBox()).toList();
            for (int i = 1; i < fields.size(); i++) {
                assertThat(fields.get(i).y).as("%s starts below %s", ids.get(i), ids.get(i - 1))
                        .isGreaterThanOrEqualTo(fields.get(i - 1).y + fields.get(i - 1).height);
            }
            for (int i = 0; i < ids.size(); i++) {
                BoundingBox label = page.locator("label:has(#" + ids.get(i) + ") > span").boundingBox();
                assertThat(label.x + label.width).as(ids.get(i) + " label").isLessThanOrEqualTo(fields.get(i).x);
                assertThat(label.y).as(ids.get(i) + " label row").isLessThan(fields.get(i).y + fields.get(i).height);
            }
            // the day boxes of one schedule sit on one row of their own, after the words that name them
            BoundingBox monday = page.locator("input[name=fullDays][value=MON]").boundingBox();
            BoundingBox sunday = page.locator("input[name=fullDays][value=SUN]").boundingBox();
            assertThat(sunday.y).isEqualTo(monday.y);
            assertThat(page.locator("#full-time").boundingBox().y).isGreaterThanOrEqualTo(monday.y + monday.height);
        }
    }

    @Test
    void aPausedPolicySaysItIsPausedWhereItsNextRunsWouldBe() {
        ApiFixture.as("ada").body(Map.of("full", Map.of("days", List.of("MON"), "time", "02:30"),
                "timeZone", "Europe/Berlin")).put(POLICY).then().statusCode(200);
        ApiFixture.as("ada").post(POLICY + "/pause").then().statusCode(200);
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(policyPage.toString(), "ada");
            assertThat(page.locator("#next-runs-paused")).hasText(
                    "None while the policy is paused: resume it to schedule its backups again.");
            assertThat(page.locator("#next-runs li")).hasCount(0);

            page.locator("#policy-resume").click();
            assertThat(page.locator("#next-runs li")).hasCount(5);
            assertThat(page.locator("#next-runs-paused")).hasCount(0);
        }
    }
}
