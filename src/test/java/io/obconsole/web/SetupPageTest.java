package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.api.SetupFixture;
import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "Backup setup" page: what each role sees and may post, the confirmation of each change, errors and masked keys. */
@QuarkusTest
class SetupPageTest {

    private static final String ANALYTICS = "/clusters/demo/tenants/analytics/setup";
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

    @BeforeEach
    void fresh() {
        SetupFixture.restore();
    }

    @AfterEach
    void putBack() {
        SetupFixture.restore();
    }

    private static List<String> alterSystemReceived() {
        return Demo.cluster().control().statementsReceived().stream().filter(s -> s.startsWith("ALTER SYSTEM")).toList();
    }

    private static String token(Response review) {
        Matcher m = TOKEN.matcher(review.asString());
        assertThat(m.find()).as("confirmation form on the review page").isTrue();
        return m.group(1);
    }

    /** Review then confirm, as the two buttons do; returns the confirmation's response. */
    private static Response reviewAndConfirm(WebSession session, String page, String action, String value) {
        session.open(page);
        Response review = session.post(page + "/review", value == null ? Map.of("action", action)
                : Map.of("action", action, "value", value));
        assertThat(review.statusCode()).isEqualTo(200);
        return session.post(page + "/confirm", Map.of("token", token(review)));
    }

    @Test
    void viewersReadTheSetupButGetNoForms() {
        String page = WebSession.signIn("vera").open(ANALYTICS).asString();
        assertThat(page).contains("Backup setup of analytics (demo)").contains("id=\"setup-read-only\"")
                .contains("file:///data/archive/analytics").contains("Archiving was never started")
                .doesNotContain("id=\"data-dest-form\"").doesNotContain("id=\"start-archiving\"");
    }

    @Test
    void operatorsAndViewersCannotPostChanges() {
        WebSession otto = WebSession.signIn("otto");
        assertThat(otto.open(ANALYTICS).statusCode()).isEqualTo(403);
        assertThat(otto.open("/clusters/demo/tenants/mysql_tenant/setup").asString()).contains("id=\"setup-read-only\"");
        for (String user : List.of("otto", "vera")) {
            WebSession session = WebSession.signIn(user);
            session.open("/clusters/demo/tenants/mysql_tenant/setup");
            // valid values: input is checked first (400), the right to change it next (403)
            Map<String, String> changes = Map.of("DATA_BACKUP_DEST", "file:///data/backup/x", "LOG_ARCHIVE_DEST",
                    "file:///data/archive/x", "ARCHIVELOG", "", "NOARCHIVELOG", "", "DELETE_POLICY", "7",
                    "DROP_DELETE_POLICY", "");
            for (Map.Entry<String, String> change : changes.entrySet()) {
                String action = change.getKey();
                Response review = session.post("/clusters/demo/tenants/mysql_tenant/setup/review",
                        Map.of("action", action, "value", change.getValue()));
                assertThat(review.statusCode()).as(user + " " + action).isEqualTo(403);
            }
        }
        assertThat(alterSystemReceived()).isEmpty();
    }

    @Test
    void aConfirmationBelongsToWhoeverReviewedIt() {
        WebSession ada = WebSession.signIn("ada");
        ada.open(ANALYTICS);
        String token = token(ada.post(ANALYTICS + "/review", Map.of("action", "DELETE_POLICY", "value", "7")));
        WebSession vera = WebSession.signIn("vera");
        vera.open(ANALYTICS);
        Response stolen = vera.post(ANALYTICS + "/confirm", Map.of("token", token));
        assertThat(WebSession.location(stolen)).endsWith("/setup?msg=review-expired");
        assertThat(alterSystemReceived()).isEmpty();
    }

    @Test
    void theDestinationFixIsPrefilledAndConfirmedChangesTheCluster() {
        WebSession ada = WebSession.signIn("ada");
        String page = ada.open(ANALYTICS + "?fix=dest").asString();
        assertThat(page).contains("id=\"setup-fix\"").contains("value=\"file:///data/backup/analytics\"");
        Response review = ada.post(ANALYTICS + "/review", Map.of("action", "DATA_BACKUP_DEST",
                "value", "file:///data/backup/analytics"));
        assertThat(review.asString()).contains("Set the data backup destination")
                .contains("ALTER SYSTEM SET DATA_BACKUP_DEST = &#39;file:///data/backup/analytics&#39; TENANT = analytics")
                .contains("<dd id=\"plan-before\"><code>none</code>");
        assertThat(alterSystemReceived()).isEmpty();
        Response confirmed = ada.post(ANALYTICS + "/confirm", Map.of("token", token(review)));
        assertThat(WebSession.location(confirmed)).endsWith("/setup?msg=setup-done");
        assertThat(ada.open(WebSession.pathOf(WebSession.location(confirmed))).asString()).contains("The change was made")
                .contains("<code>file:///data/backup/analytics</code>");
        assertThat(alterSystemReceived()).containsExactly(
                "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/analytics' TENANT = analytics");
    }

    @Test
    void stoppingArchivingSaysPlainlyWhatStops() {
        WebSession ada = WebSession.signIn("ada");
        ada.open("/clusters/demo/tenants/oracle_tenant/setup");
        Response review = ada.post("/clusters/demo/tenants/oracle_tenant/setup/review", Map.of("action", "NOARCHIVELOG"));
        assertThat(review.asString()).contains("Point-in-time recovery of oracle_tenant stops")
                .contains("New backups of oracle_tenant will be refused");
        ada.post("/clusters/demo/tenants/oracle_tenant/setup/confirm", Map.of("token", token(review)));
        assertThat(ada.open("/clusters/demo/tenants/oracle_tenant/setup").asString()).contains("STOPPING")
                .contains("data-settling=\"true\"");
        Demo.clock().advanceSeconds(3);
        assertThat(ada.open("/clusters/demo/tenants/oracle_tenant/setup/archive").asString()).contains("STOP")
                .contains("data-settling=\"false\"").contains("OceanBase refuses new backups");
    }

    @Test
    void oceanBasesRefusalShowsItsCodeAndExplanation() {
        Response failed = reviewAndConfirm(WebSession.signIn("ada"), ANALYTICS, "DATA_BACKUP_DEST", "file:///data/shared");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.asString()).contains("9080: the format file does not exist under the destination")
                .contains("files that OceanBase did not write").contains("id=\"back-to-setup\"");
    }

    @Test
    void badInputComesBackWithItsErrorAndAnAccessKeyIsNeverEchoed() {
        String secret = "Pg" + UUID.randomUUID().toString().replace("-", "");
        WebSession ada = WebSession.signIn("ada");
        ada.open(ANALYTICS);
        Response bad = ada.post(ANALYTICS + "/review", Map.of("action", "DATA_BACKUP_DEST",
                "value", "oss://bucket/a?access_id=AK&access_key=" + secret));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("id=\"setup-error\"").contains("host=").doesNotContain(secret);
        String uri = "oss://bucket/analytics-" + secret.substring(0, 6) + "?host=oss.example.com&access_id=AK&access_key="
                + secret;
        Response review = ada.post(ANALYTICS + "/review", Map.of("action", "DATA_BACKUP_DEST", "value", uri));
        assertThat(review.asString()).contains("access_key=***").doesNotContain(secret);
        ada.post(ANALYTICS + "/confirm", Map.of("token", token(review)));
        assertThat(ada.open(ANALYTICS).asString()).contains("encrypt_key=***").doesNotContain(secret);
        assertThat(alterSystemReceived()).singleElement().asString().contains("access_key=" + secret);
    }

    @Test
    void adminsSeeFixLinksForArchiveAndDestinationOthersDoNot() {
        WebSession ada = WebSession.signIn("ada");
        // the pages read the fleet read model, which catches up with the restored cluster on its next round
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                ada.open("/clusters/demo/tenants/analytics").asString())
                .contains("href=\"/clusters/demo/tenants/analytics/setup?fix=archive\"")
                .contains("id=\"setup-link\""));
        String overview = WebSession.signIn("ada").open("/").asString();
        assertThat(overview).contains("href=\"/clusters/demo/tenants/analytics/setup?fix=archive\"");
        String veraPage = WebSession.signIn("vera").open("/clusters/demo/tenants/analytics").asString();
        assertThat(veraPage).doesNotContain("setup?fix=").contains("id=\"setup-link\"");
    }
}
