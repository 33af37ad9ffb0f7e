package io.obconsole.alert;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The alert channel forms as a person meets them in real Chromium (issue 24, point 8): one field
 * per row, event kinds, formats and delivery outcomes in words, a new webhook signed without a
 * second try, the stored receiver shown (masked) when editing and kept, a refused form that keeps
 * what was typed (a typed token masked), and a delete that asks first, on the server too.
 */
@QuarkusTest
class ChannelFormBrowserTest {

    private static final String TOKEN_URL = "https://robot.example.com/robot/send?access_token=tok-secret-4711";
    private static final String MASKED_URL = "https://robot.example.com/robot/send?access_token=***";

    @TestHTTPResource("/alerts/channels")
    URL channelsPage;

    @Inject
    AlertChannels channels;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void deleteWhatWasMade() {
        for (long id : made) {
            given().auth().oauth2(Tokens.accessToken("ada")).delete("/api/v1/alerts/channels/" + id);
        }
    }

    @Test
    void eachFieldSitsOnItsOwnRowWithItsLabelBesideItAndEventKindsReadAsWords() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(channelsPage.toString(), "ada");
            List<String> ids = List.of("channel-name", "channel-format", "channel-url", "channel-key", "channel-clusters",
                    "channel-tenants");
            List<BoundingBox> fields = ids.stream().map(id -> page.locator("#" + id).boundingBox()).toList();
            for (int i = 1; i < fields.size(); i++) {
                assertThat(fields.get(i).y).as("%s starts below %s", ids.get(i), ids.get(i - 1))
                        .isGreaterThanOrEqualTo(fields.get(i - 1).y + fields.get(i - 1).height);
                assertThat(fields.get(i).x).as("%s shares the fields' column", ids.get(i)).isEqualTo(fields.get(0).x);
            }
            for (int i = 0; i < ids.size(); i++) {
                // the label's words end before its field begins, on the same row
                BoundingBox label = page.locator("label:has(#" + ids.get(i) + ") > span").boundingBox();
                assertThat(label.x + label.width).as(ids.get(i) + " label").isLessThanOrEqualTo(fields.get(i).x);
                assertThat(label.y).as(ids.get(i) + " label row").isLessThan(fields.get(i).y + fields.get(i).height);
            }

            assertThat(page.locator("label:has(input[name=kinds][value=JOB_FAILED])")).hasText("A backup job failed");
            assertThat(page.locator("label:has(input[name=kinds][value=OBJECTIVE_BREACHED])"))
                    .hasText("Recovery-point objective breached");
            assertThat(page.locator("#channel-form")).not().containsText("JOB_FAILED");
            assertThat(page.locator("#channel-form")).not().containsText("OBJECTIVE_");
        }
    }

    @Test
    void aNewWebhookNeedsNoSecondTryForItsSigningKey() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(channelsPage.toString(), "ada");
            assertThat(page.locator("#channel-format")).hasValue("WEBHOOK");
            page.locator("#channel-name").fill("h4 default key");
            page.locator("#channel-url").fill("https://hooks.example.com/h4-default-key");
            page.locator("#channel-submit").click();

            assertThat(page.locator("#flash")).hasText("Channel created.");
            made.add(Long.parseLong(page.url().replaceAll(".*/alerts/channels/(\\d+).*", "$1")));
            assertThat(channels.get(made.get(0)).keyName()).isIn(channels.keyNames());
        }
    }

    @Test
    void editingAChannelShowsItsStoredReceiverMaskedAndKeepsItWhenLeftAlone() {
        long id = AlertFixture.channel(Map.of("name", "h4 robot", "format", "DINGTALK", "url", TOKEN_URL,
                "clusterPattern", "demo", "tenantPattern", "*"));
        made.add(id);
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(channelsPage + "/" + id, "ada");
            assertThat(page.locator("#channel-url")).hasValue(MASKED_URL);
            assertThat(page.locator("html")).not().containsText("tok-secret-4711");
            assertThat(page.content()).doesNotContain("tok-secret-4711");

            page.locator("#channel-name").fill("h4 robot renamed");
            page.locator("#channel-submit").click();
            assertThat(page.locator("#flash")).hasText("Channel saved.");
            assertThat(channels.get(id).name()).isEqualTo("h4 robot renamed");
            assertThat(channels.get(id).url()).isEqualTo(TOKEN_URL);

            // a changed address that still carries the mask is no address: refused, nothing changed
            page.locator("#channel-url").fill("https://other.example.com/robot/send?access_token=***");
            page.locator("#channel-submit").click();
            assertThat(page.locator("#channel-error")).containsText("***");
            assertThat(channels.get(id).url()).isEqualTo(TOKEN_URL);
        }
    }

    @Test
    void aRefusedNewChannelComesBackWithWhatWasTypedAndItsTokenStillMasked() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(channelsPage.toString(), "ada");
            page.locator("#channel-name").fill("h4 refused");
            page.locator("#channel-url").fill("https://hooks.example.com/h4/refused");
            page.locator("#channel-clusters").fill("demo cluster!");
            page.locator("input[name=kinds][value=OBJECTIVE_BREACHED]").check();
            page.locator("#channel-submit").click();

            assertThat(page.locator("#channel-error")).containsText("Cluster pattern");
            assertThat(page.locator("#channel-name")).hasValue("h4 refused");
            assertThat(page.locator("#channel-url")).hasValue("https://hooks.example.com/h4/refused");
            assertThat(page.locator("#channel-clusters")).hasValue("demo cluster!");
            assertThat(page.locator("input[name=kinds][value=OBJECTIVE_BREACHED]")).isChecked();
            assertThat(page.locator("input[name=kinds][value=JOB_FAILED]")).not().isChecked();

            // a robot's token typed into a refused form is not sent back: the address returns masked
            page.locator("#channel-format").selectOption("DINGTALK");
            page.locator("#channel-url").fill("https://robot.example.com/robot/send?access_token=tok-typed-0815");
            page.locator("#channel-submit").click();
            assertThat(page.locator("#channel-error")).containsText("Cluster pattern");
            assertThat(page.locator("#channel-url")).hasValue(MASKED_URL);
            assertThat(page.locator("#channel-format")).hasValue("DINGTALK");
            assertThat(page.content()).doesNotContain("tok-typed-0815");
        }
        assertThat(channels.list()).extracting(Channel::name).doesNotContain("h4 refused");
    }

    @Test
    void aRefusedEditKeepsTheEditsAndTheStoredReceiver() {
        long id = AlertFixture.channel(Map.of("name", "h4 refused edit", "format", "WEBHOOK",
                "url", "https://hooks.example.com/h4/refused-edit", "keyName", AlertFixture.KEY_NAME,
                "clusterPattern", "demo", "tenantPattern", "*"));
        made.add(id);
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(channelsPage + "/" + id, "ada");
            assertThat(page.locator("#channel-url")).hasValue("https://hooks.example.com/h4/refused-edit");
            page.locator("#channel-name").fill("h4 refused edit renamed");
            page.locator("#channel-tenants").fill("bad tenant!");
            page.locator("#channel-submit").click();

            assertThat(page.locator("#channel-error")).containsText("Tenant pattern");
            assertThat(page.locator("#channel-name")).hasValue("h4 refused edit renamed");
            assertThat(page.locator("#channel-tenants")).hasValue("bad tenant!");
            assertThat(page.locator("#channel-url")).hasValue("https://hooks.example.com/h4/refused-edit");
            assertThat(page.locator("#channel-key")).hasValue(AlertFixture.KEY_NAME);

            page.locator("#channel-tenants").fill("mysql_tenant");
            page.locator("#channel-submit").click();
            assertThat(page.locator("#flash")).hasText("Channel saved.");
            assertThat(channels.get(id).name()).isEqualTo("h4 refused edit renamed");
            assertThat(channels.get(id).url()).isEqualTo("https://hooks.example.com/h4/refused-edit");
            assertThat(channels.get(id).keyName()).isEqualTo(AlertFixture.KEY_NAME);
        }
    }

    @Test
    void formatsAndDeliveryOutcomesReadAsWords() {
        long id = AlertFixture.channel(Map.of("name", "h4 words", "format", "WEBHOOK",
                "url", "http://127.0.0.1:9/h4-nobody-listens", "keyName", AlertFixture.KEY_NAME,
                "clusterPattern", "demo", "tenantPattern", "*"));
        made.add(id);
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(channelsPage.toString(), "ada");
            assertThat(page.locator("#channel-format option[value=WEBHOOK]")).hasText("Webhook (signed JSON)");
            assertThat(page.locator("#channel-format option[value=DINGTALK]")).hasText("DingTalk robot");
            assertThat(page.locator("tr[data-channel='h4 words'] td").first()).hasText("Webhook (signed JSON)");
            assertThat(page.locator("#channel-key-hint")).containsText("A webhook is always signed");

            page.navigate(channelsPage + "/" + id);
            page.locator("#channel-test").click();
            assertThat(page.locator("#flash")).containsText("Test not delivered");
            assertThat(page.locator("#delivery-log tr[data-outcome=TEST_FAILED] td").nth(2)).hasText("Test not delivered");
            assertThat(page.locator("#delivery-log")).not().containsText("TEST_FAILED");
            assertThat(page.locator("main")).not().containsText("WEBHOOK");
        }
    }

    @Test
    void aDeleteThatDidNotComeFromTheQuestionDeletesNothingAndAsks() {
        long id = AlertFixture.channel(Map.of("name", "h4 unconfirmed", "format", "DINGTALK",
                "url", "https://robot.example.com/h4-unconfirmed", "clusterPattern", "demo", "tenantPattern", "*"));
        made.add(id);
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(channelsPage + "/" + id, "ada");
            // a form of this session (its CSRF token is good) that posts the delete without the question's answer,
            // as an old page, a script or a browser without JavaScript would
            page.evaluate("() => { const f = document.querySelector('form[action$=\"/test\"]');"
                    + " f.action = location.pathname + '/delete'; }");
            page.locator("#channel-test").click();

            assertThat(page.locator("#delete-question")).containsText("h4 unconfirmed");
            assertThat(channels.list()).extracting(Channel::id).contains(id);
            page.locator("#confirm-delete").click();
            assertThat(page.locator("#flash")).hasText("Channel deleted.");
            assertThat(channels.list()).extracting(Channel::id).doesNotContain(id);
        }
    }

    @Test
    void deletingAChannelAsksFirstAndTheAnswerDeletesIt() {
        long id = AlertFixture.channel(Map.of("name", "h4 to delete", "format", "DINGTALK",
                "url", "https://robot.example.com/h4-delete", "clusterPattern", "demo", "tenantPattern", "*"));
        made.add(id);
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(channelsPage + "/" + id, "ada");
            page.locator("#channel-delete").click();
            assertThat(page.locator("#delete-question")).containsText("h4 to delete");
            assertThat(channels.list()).extracting(Channel::id).contains(id);

            page.locator("#keep-channel").click();
            assertThat(page.locator("h1")).hasText("Channel h4 to delete");
            assertThat(channels.list()).extracting(Channel::id).contains(id);

            page.locator("#channel-delete").click();
            page.locator("#confirm-delete").click();
            assertThat(page.locator("#flash")).hasText("Channel deleted.");
            assertThat(page.locator("main")).not().containsText("h4 to delete");
            assertThat(channels.list()).extracting(Channel::id).doesNotContain(id);
        }
    }
}
