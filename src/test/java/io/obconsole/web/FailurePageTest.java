package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.api.ClusterChangesAfterPreflight;
import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When OceanBase refuses a start the page shows what the API shows: OceanBase's code and text,
 * the plain explanation and the next step, from the one failure catalogue.
 */
@QuarkusTest
class FailurePageTest {

    @BeforeEach
    void idleCluster() {
        ClusterChangesAfterPreflight.disarm();
        Demo.clock().advanceSeconds(600);
        Demo.cluster().control().resetStatements();
    }

    @AfterEach
    void putBack() {
        ClusterChangesAfterPreflight.disarm();
        Demo.sql("ALTER SYSTEM CANCEL BACKUP");
        Demo.cluster().control().setArchive("mysql_tenant", "DOING");
        Demo.clock().advanceSeconds(600);
    }

    /** Review a FULL backup of mysql_tenant, let {@code race} happen after the confirmation's preflight, confirm. */
    private static Response confirmWithRace(Runnable race) {
        WebSession otto = WebSession.signIn("otto");
        otto.open("/backups/new");
        Response review = otto.post("/backups/review", Map.of("cluster", "demo", "tenants", "mysql_tenant", "type", "FULL"));
        assertThat(review.statusCode()).as(review.asString()).isEqualTo(303);
        String reviewPath = WebSession.pathOf(WebSession.location(review));
        otto.get(reviewPath);
        ClusterChangesAfterPreflight.arm(race);
        return otto.post(reviewPath + "/confirm", Map.of());
    }

    @Test
    void oceanBase9040OnThePageShowsCodeTextExplanationAndNextStep() {
        Response page = confirmWithRace(() -> Demo.cluster().control().setArchive("mysql_tenant", "STOP"));

        assertThat(page.statusCode()).isEqualTo(502);
        String html = page.asString();
        assertThat(html).contains("id=\"failure-ob\"", "OceanBase error 9040:",
                "backup can not start, because log archive status is not doing.");
        assertThat(html).contains("id=\"failure-explanation\"", "only while the archive is DOING");
        assertThat(html).contains("id=\"failure-next\"", "ALTER SYSTEM ARCHIVELOG TENANT = &lt;tenant&gt;;");
    }

    @Test
    void oceanBase9036OnThePageShowsCodeTextExplanationAndNextStep() {
        Response page = confirmWithRace(() -> Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant"));

        assertThat(page.statusCode()).isEqualTo(409);
        String html = page.asString();
        assertThat(html).contains("OceanBase error 9036:", "Backup is in progress");
        assertThat(html).contains("id=\"failure-explanation\"", "per tenant and initiator");
        assertThat(html).contains("id=\"failure-next\"", "cancel it, then start again");
    }

    @Test
    void anUnknownPageIsTheConsolesOwn404() {
        Response page = WebSession.signIn("vera").get("/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("OB Backup Console", "id=\"failure-title\"", "Not found", "href=\"/\"");
    }
}
