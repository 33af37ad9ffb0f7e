package io.obconsole.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.Tokens;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14, findings 11 and 12: the Dev UI, the review cap, no caching, and API tokens meant for the console. */
@QuarkusTest
class HardeningTest {

    @BeforeEach
    void forget() {
        ClusterChanges.forget();
    }

    // ---- 12: pending reviews per person

    @Test
    void aPersonKeepsAtMostFiveReviewsWaitingTheOldestAreDiscarded() {
        WebSession olga = WebSession.signIn("olga");
        olga.open("/backups/new");
        List<String> reviews = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Response review = olga.post("/backups/review", Map.of("cluster", "demo", "tenants", "mysql_tenant",
                    "type", "FULL", "description", "flood " + i));
            assertThat(review.statusCode()).isEqualTo(303);
            reviews.add(WebSession.pathOf(WebSession.location(review)));
        }

        for (String discarded : reviews.subList(0, 3)) {
            Response gone = olga.get(discarded);
            assertThat(gone.statusCode()).isEqualTo(303);
            assertThat(WebSession.location(gone)).endsWith("/backups/new?msg=review-expired");
        }
        for (String kept : reviews.subList(3, 8)) {
            assertThat(olga.get(kept).asString()).contains("Confirm and start");
        }
        assertThat(ClusterChanges.sent()).isEmpty();
    }

    @Test
    void anotherPersonsReviewsDoNotCountAgainstOnesOwn() {
        WebSession otto = WebSession.signIn("otto");
        otto.open("/backups/new");
        Response ottos = otto.post("/backups/review", Map.of("cluster", "demo", "tenants", "mysql_tenant", "type",
                "FULL", "description", "otto's"));
        WebSession olga = WebSession.signIn("olga");
        olga.open("/backups/new");
        for (int i = 0; i < 6; i++) {
            olga.post("/backups/review", Map.of("cluster", "demo", "tenants", "mysql_tenant", "type", "FULL"));
        }
        assertThat(otto.get(WebSession.pathOf(WebSession.location(ottos))).asString()).contains("Confirm and start");
    }

    // ---- 12: nothing personal in any cache

    @Test
    void pagesCsvAndApiAnswersAreNotStored() {
        WebSession ada = WebSession.signIn("ada");
        Response page = ada.get("/");
        Response csv = ada.download("/audit/export.csv");
        Response api = given().auth().oauth2(Tokens.accessToken("ada")).get(WebSession.consoleUrl() + "/api/v1/jobs");
        Response apiCsv = given().auth().oauth2(Tokens.accessToken("ada")).accept("text/csv")
                .get(WebSession.consoleUrl() + "/api/v1/audit");
        for (Response response : List.of(page, csv, api, apiCsv)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(WebSession.anonymous().get("/assets/console.js").header("Cache-Control")).isNotEqualTo("no-store");
    }

    // ---- 12: API tokens must be meant for the console

    @Test
    void aTokenOfAnotherClientOfTheRealmDoesNotAuthenticate() {
        String adminCli = Tokens.passwordGrant("admin-cli", "ada", "ada").path("access_token");

        given().auth().oauth2(adminCli).get(WebSession.consoleUrl() + "/api/v1/clusters").then().statusCode(401);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> io.obconsole.progress.ProgressClient.connect(adminCli, null).close()).hasMessageContaining("401");
    }

    @Test
    void theConsolesOwnClientsTokensCarryItsAudienceAndWork() {
        given().auth().oauth2(Tokens.accessToken("vera")).get(WebSession.consoleUrl() + "/api/v1/clusters").then()
                .statusCode(200);
        String automation = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "obconsole-automation")
                .formParam("client_secret", "obconsole-automation-demo-secret")
                .post(Tokens.realmUrl() + "/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
        given().auth().oauth2(automation).get(WebSession.consoleUrl() + "/api/v1/clusters").then().statusCode(200);
    }

    // ---- 11: the Dev UI

    @Test
    void theDevUiIsForTheConsolesAdministratorsOnly() {
        assertThat(WebSession.signIn("vera").get("/q/dev-ui").statusCode()).isEqualTo(403);
        assertThat(WebSession.signIn("olga").get("/q/dev-ui/configuration-form-editor").statusCode()).isEqualTo(403);
        assertThat(WebSession.signIn("ada").get("/q/dev-ui").statusCode()).as("no Dev UI outside dev mode, but not refused")
                .isNotEqualTo(403);
    }
}
