package io.obconsole.security;

import static io.obconsole.testing.WebSession.location;
import static io.obconsole.testing.WebSession.pathOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.Tokens;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 1: forged state-changing requests. Every one of them is refused with nothing
 * sent to the cluster; the console's own forms and bearer-token scripts keep working.
 */
@QuarkusTest
class CsrfProtectionTest {

    private static final Map<String, Object> FULL_OF_MYSQL_TENANT = Map.of("cluster", "demo", "tenants",
            "mysql_tenant", "type", "FULL", "description", "csrf test");

    @BeforeEach
    void forget() {
        ClusterChanges.forget();
    }

    @AfterEach
    void idle() {
        ClusterChanges.letJobsEnd();
    }

    /** A reviewed backup of olga's, waiting for its confirmation: the target of the forged confirm. */
    private static String reviewOf(WebSession olga) {
        olga.open("/backups/new");
        Response review = olga.post("/backups/review", FULL_OF_MYSQL_TENANT);
        assertThat(review.statusCode()).as(review.asString()).isEqualTo(303);
        return pathOf(location(review));
    }

    @Test
    void aTextPlainConfirmWithoutTokenStartsNothing() {
        WebSession olga = WebSession.signIn("olga");
        String review = reviewOf(olga);

        Response forged = olga.postRaw(review + "/confirm", "text/plain", "anything=1");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("did not come from a page of your current session");
        assertThat(ClusterChanges.sent()).isEmpty();
        assertThat(olga.open(review).asString()).as("the review still waits for a real confirmation")
                .contains("Confirm and start");
    }

    @Test
    void aConfirmWithoutContentTypeOrBodyStartsNothing() {
        WebSession olga = WebSession.signIn("olga");
        String review = reviewOf(olga);

        Response forged = given().redirects().follow(false).header("Cookie", olga.cookieHeader())
                .post(WebSession.consoleUrl() + review + "/confirm");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ClusterChanges.sent()).isEmpty();
    }

    @Test
    void theConsolesOwnConfirmStillStarts() {
        WebSession olga = WebSession.signIn("olga");
        String review = reviewOf(olga);
        olga.open(review);

        Response confirmed = olga.post(review + "/confirm", Map.of());

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(ClusterChanges.sent()).anyMatch(sql -> sql.startsWith("ALTER SYSTEM BACKUP TENANT = mysql_tenant"));
    }

    @Test
    void aTextPlainSignOutIsRefusedAndTheSessionGoesOn() {
        WebSession vera = WebSession.signIn("vera");

        Response forged = vera.postRaw("/sign-out", "text/plain", "x");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(vera.open("/").statusCode()).isEqualTo(200);
        assertThat(vera.open("/").asString()).contains("id=\"signed-in-user\"");
    }

    @Test
    void aPlantedCookieWithAMatchingFieldIsRefused() {
        WebSession olga = WebSession.signIn("olga");
        String review = reviewOf(olga);
        // an attacker who can set cookies for the site (a sibling subdomain, plain http) picks both halves
        olga.plantCookie("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA").plantCookie("csrf-nonce", "AAAAAAAAAAAAAAAAAAAAAA");

        Response forged = olga.postWithoutToken(review + "/confirm",
                Map.of("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ClusterChanges.sent()).isEmpty();
    }

    @Test
    void aValidTokenOfTheAttackersOwnSessionIsRefusedInTheVictimsSession() {
        WebSession olga = WebSession.signIn("olga");
        String review = reviewOf(olga);
        WebSession attacker = WebSession.signIn("vera");
        attacker.open("/");
        String attackerNonce = cookieValue(attacker, "csrf-nonce");
        olga.plantCookie("csrf-nonce", attackerNonce);

        Response forged = olga.postWithoutToken(review + "/confirm", Map.of("csrf-token", attacker.csrfToken()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ClusterChanges.sent()).isEmpty();
    }

    @Test
    void theCsrfCookieIsSameSiteStrictAndHttpOnly() {
        Response page = WebSession.anonymous().get("/");
        List<String> csrfCookies = page.headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("csrf")).toList();

        assertThat(csrfCookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("HttpOnly"));
    }

    @Test
    void getSignOutAndGetLogoutAskInsteadOfSigningOut() {
        WebSession vera = WebSession.signIn("vera");
        for (String path : List.of("/sign-out", "/logout")) {
            Response asked = vera.get(path);
            assertThat(asked.statusCode()).as(path).isEqualTo(200);
            assertThat(asked.asString()).contains("Sign out?").contains("<form method=\"post\" action=\"/sign-out\"");
        }
        Response overview = vera.get("/");
        assertThat(overview.statusCode()).as("still signed in").isEqualTo(200);
        assertThat(overview.asString()).contains("id=\"signed-in-user\">vera<");
    }

    @Test
    void aCookieAuthenticatedApiCallIsNotABypass() {
        WebSession olga = WebSession.signIn("olga");

        Response forged = given().redirects().follow(false).header("Cookie", olga.cookieHeader())
                .contentType("text/plain").body("{\"type\":\"FULL\",\"tenants\":[\"mysql_tenant\"]}")
                .post(WebSession.consoleUrl() + "/api/v1/clusters/demo/backups");

        assertThat(forged.statusCode()).isIn(401, 403);
        assertThat(ClusterChanges.sent()).isEmpty();
    }

    @Test
    void aScriptWithABearerTokenNeedsNoCsrfToken() {
        given().auth().oauth2(Tokens.accessToken("olga")).contentType("application/json")
                .body(Map.of("type", "FULL", "tenants", List.of("mysql_tenant")))
                .post(WebSession.consoleUrl() + "/api/v1/clusters/demo/preflight")
                .then().statusCode(200);
    }

    private static String cookieValue(WebSession session, String name) {
        for (String pair : session.cookieHeader().split("; ")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no cookie " + name + " in " + session.cookieHeader());
    }
}
