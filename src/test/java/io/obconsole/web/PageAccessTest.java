package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The role × action matrix of the pages, signed in through Keycloak: what each person may do
 * works, anything else is a 403 page and not one ALTER SYSTEM reaches the cluster.
 */
@QuarkusTest
class PageAccessTest {

    private static final Map<String, Object> FULL_OF_MYSQL_TENANT = Map.of("cluster", "demo", "tenants", "mysql_tenant",
            "type", "FULL", "description", "page test");

    @BeforeEach
    void scenarioState() {
        Demo.reset();
    }

    private static List<String> changesSent() {
        return Demo.cluster().control().statementsReceived().stream()
                .filter(sql -> sql.startsWith("ALTER SYSTEM") || sql.startsWith("SET ENCRYPTION")).toList();
    }

    // ---- viewer

    @Test
    void viewerSeesEveryTenantInScopeButNoStartButton() {
        String overview = WebSession.signIn("vera").open("/").asString();
        assertThat(overview).contains("mysql_tenant", "oracle_tenant", "analytics").contains(">Viewer<")
                .doesNotContain("id=\"start-backup\"").doesNotContain("href=\"/backups/new\"");
    }

    @Test
    void viewerIsRefusedTheStartFormAndAForgedStartPost() {
        WebSession vera = WebSession.signIn("vera");
        assertThat(vera.get("/backups/new").statusCode()).isEqualTo(403);

        Response forged = vera.post("/backups/review", FULL_OF_MYSQL_TENANT);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("You are not allowed");
        assertThat(changesSent()).isEmpty();
    }

    @Test
    void viewerCannotCancelAndCannotVerifyTheChain() {
        WebSession vera = WebSession.signIn("vera");
        assertThat(vera.post("/jobs/demo/mysql_tenant/1/cancel", Map.of("key", "k1")).statusCode()).isEqualTo(403);
        assertThat(vera.get("/audit?verify=true").statusCode()).isEqualTo(403);
        assertThat(vera.open("/audit").asString()).contains("Audit trail").doesNotContain("Verify chain");
        assertThat(changesSent()).isEmpty();
    }

    // ---- operator out of scope

    @Test
    void operatorCannotSeeATenantOutsideTheirScopeAnywhere() {
        WebSession otto = WebSession.signIn("otto");
        assertThat(otto.get("/clusters/demo/tenants/oracle_tenant").statusCode()).isEqualTo(403);
        assertThat(otto.open("/jobs").asString()).doesNotContain("oracle_tenant");
        assertThat(otto.open("/backups/new").asString()).contains("mysql_tenant").doesNotContain("oracle_tenant")
                .doesNotContain("id=\"allTenants\"");
        assertThat(otto.get("/backups/preflight?cluster=demo&tenants=oracle_tenant&type=FULL").statusCode())
                .isEqualTo(403);
    }

    @Test
    void operatorIsRefusedStartsAndCancelsOutsideTheirScope() {
        WebSession otto = WebSession.signIn("otto");
        otto.open("/backups/new");

        assertThat(otto.post("/backups/review", Map.of("cluster", "demo", "tenants", "oracle_tenant", "type", "FULL"))
                .statusCode()).isEqualTo(403);
        assertThat(otto.post("/backups/review", Map.of("cluster", "demo", "allTenants", "true", "type", "FULL"))
                .statusCode()).isEqualTo(403);
        assertThat(otto.post("/jobs/demo/oracle_tenant/1/cancel", Map.of("key", "k2")).statusCode()).isEqualTo(403);
        assertThat(changesSent()).isEmpty();
    }

    // ---- operator in scope

    @Test
    void operatorReviewsStartsAndCancelsABackupInScope() {
        WebSession otto = WebSession.signIn("otto");
        otto.open("/backups/new");
        Response review = otto.post("/backups/review", Map.of("cluster", "demo", "tenants", "mysql_tenant", "type", "FULL",
                "password", "s3cret-pw", "passwordConfirmation", "s3cret-pw", "description", "page test"));
        assertThat(review.statusCode()).as(review.asString()).isEqualTo(303);
        String reviewPath = WebSession.pathOf(WebSession.location(review));
        assertThat(reviewPath).startsWith("/backups/review/");

        String reviewPage = otto.get(reviewPath).asString();
        assertThat(reviewPage).contains("SET ENCRYPTION ON IDENTIFIED BY &#39;***&#39; ONLY")
                .contains("ALTER SYSTEM BACKUP TENANT = mysql_tenant DESCRIPTION = &#39;page test&#39;")
                .contains("Confirm and start").doesNotContain("s3cret-pw");
        assertThat(changesSent()).as("nothing runs before the confirmation").isEmpty();

        Response started = otto.post(reviewPath + "/confirm", Map.of());
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(303);
        assertThat(WebSession.pathOf(WebSession.location(started)))
                .startsWith("/clusters/demo/tenants/mysql_tenant?msg=started");
        assertThat(changesSent()).contains("ALTER SYSTEM BACKUP TENANT = mysql_tenant DESCRIPTION = 'page test'");
        String jobPage = otto.open(WebSession.pathOf(WebSession.location(started))).asString();
        assertThat(jobPage).contains("The backup was started").contains("data-job-key=\"demo/1002/");

        String jobs = otto.open("/jobs?status=RUNNING").asString();
        String cancelPath = jobs.replaceAll("(?s).*href=\"(/jobs/demo/mysql_tenant/\\d+/cancel)\".*", "$1");
        assertThat(cancelPath).startsWith("/jobs/demo/mysql_tenant/");
        String confirmCancel = otto.open(cancelPath).asString();
        String key = confirmCancel.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        Response canceled = otto.post(cancelPath, Map.of("key", key));
        assertThat(canceled.statusCode()).isEqualTo(303);
        assertThat(changesSent()).contains("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(120); // let the cancellation end, so later tests find the tenant idle
    }

    @Test
    void aReviewReplayedAfterConfirmationStartsNothingMore() {
        WebSession otto = WebSession.signIn("otto");
        otto.open("/backups/new");
        Response confirmed = otto.post("/backups/review/does-not-exist/confirm", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(WebSession.location(confirmed)).endsWith("/backups/new?msg=review-expired");
        assertThat(changesSent()).isEmpty();
    }

    // ---- admin

    @Test
    void adminVerifiesTheAuditChain() {
        WebSession ada = WebSession.signIn("ada");
        String audit = ada.open("/audit?verify=true").asString();
        assertThat(audit).contains("Verify chain").contains("id=\"chain-result\"").contains("Intact");
    }

    // ---- forms and headers

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() {
        WebSession olga = WebSession.signIn("olga");
        olga.open("/backups/new");
        Response response = olga.postWithoutToken("/backups/review", FULL_OF_MYSQL_TENANT);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(changesSent()).isEmpty();
    }

    @Test
    void aStartPostReplayedAsGetAfterSignInReturnsToTheFormWithAMessage() {
        WebSession olga = WebSession.signIn("olga");
        Response response = olga.get("/backups/review");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(olga.open(WebSession.location(response)).asString()).contains("Your session had expired")
                .as("the browser is told to put the choices back").contains("id=\"backup-form\" class=\"fields\" data-restore-choices");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Response redirect = WebSession.anonymous().get("/");
        Response page = WebSession.signIn("vera").get("/");
        Response asset = WebSession.anonymous().get("/assets/console.js");
        for (Response response : List.of(redirect, page, asset)) {
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
                    .contains("script-src 'self';").contains("frame-ancestors 'none'").contains("form-action 'self'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        }
        assertThat(asset.statusCode()).isEqualTo(200);
    }
}
