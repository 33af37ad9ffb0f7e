package io.obconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.progress.ProgressClient;
import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Tokens;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 8: a session that ends (signed out in the console, or ended at Keycloak) ends
 * for every copy of its cookie and for its open sockets at once, not when its tokens expire.
 */
@QuarkusTest
class SessionEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aCopyOfTheSessionCookieStopsWorkingAtSignOut() {
        WebSession olga = WebSession.signIn("olga");
        WebSession stolen = olga.copyOfCookies();
        assertThat(stolen.get("/").statusCode()).as("the copy works while the session lives").isEqualTo(200);

        Response signedOut = olga.signOut();

        assertThat(signedOut.asString()).contains("You are signed out");
        Response replay = stolen.get("/");
        assertThat(replay.statusCode()).as("the copied cookie after sign-out").isNotEqualTo(200);
        assertThat(replay.asString()).doesNotContain("id=\"signed-in-user\"");
        assertThat(stolen.get("/api/v1/clusters").statusCode()).isIn(401, 302);
    }

    @Test
    void anOpenSocketClosesAtSignOut() {
        WebSession vera = WebSession.signIn("vera");
        try (ProgressClient page = ProgressClient.connectWithSession(vera.cookieHeader(), WebSession.consoleUrl())) {
            await().atMost(WAIT).until(() -> page.types().contains("snapshot"));
            assertThat(page.isClosed()).isFalse();

            vera.signOut();

            await().atMost(WAIT).until(page::isClosed);
        }
    }

    @Test
    void aSocketCannotBeOpenedWithTheCookieOfAnEndedSession() {
        WebSession vera = WebSession.signIn("vera");
        String cookies = vera.cookieHeader();
        vera.signOut();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ProgressClient.connectWithSession(cookies, WebSession.consoleUrl()).close())
                .hasMessageContaining("40");
    }

    @Test
    void aSessionEndedAtKeycloakEndsInTheConsoleForCookiesAndSockets() {
        KeycloakAdmin.backChannelLogoutToTheConsoleUnderTest();
        WebSession ada = WebSession.signIn("ada");
        WebSession stolen = ada.copyOfCookies();
        try (ProgressClient page = ProgressClient.connectWithSession(ada.cookieHeader(), WebSession.consoleUrl())) {
            await().atMost(WAIT).until(() -> page.types().contains("snapshot"));

            KeycloakAdmin.signOutEverywhere("ada");

            await().atMost(WAIT).until(page::isClosed);
            assertThat(stolen.get("/").statusCode()).isNotEqualTo(200);
        }
    }

    @Test
    void aSessionEndedOnAnotherConsoleInstanceEndsHereWithinSeconds() throws Exception {
        String token = Tokens.passwordGrant("obconsole-cli", "otto", "otto").path("access_token");
        io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/clusters").then().statusCode(200);
        try (ProgressClient socket = ProgressClient.connect(token, null)) {
            await().atMost(WAIT).until(() -> socket.types().contains("snapshot"));

            // what another instance shares when otto signs out there, or when Keycloak's back-channel call reached it
            AuditSql.update("INSERT INTO ended_session (sid_hash, ended_at, remember_until) VALUES ('" + sha256(sid(token))
                    + "', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 HOUR)");

            await().atMost(WAIT).until(socket::isClosed);
            await().atMost(WAIT).until(() -> io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/clusters")
                    .statusCode() == 401);
        }
    }

    @Test
    void aSignOutHereIsSharedWithTheOtherInstancesByAHashOfTheSessionOnly() {
        java.util.Set<String> before = sharedEnds();
        WebSession olga = WebSession.signIn("olga");
        olga.signOut();

        java.util.Set<String> added = new java.util.HashSet<>(sharedEnds());
        added.removeAll(before);
        assertThat(added).singleElement().asString().matches("[0-9a-f]{64}");
    }

    /** Keycloak's back-channel call arrives on the event loop; the end is written to the database off it, not lost. */
    @Test
    void aSessionEndedAtKeycloakIsSharedWithTheOtherInstancesByAHashOfTheSessionOnly() {
        KeycloakAdmin.backChannelLogoutToTheConsoleUnderTest();
        java.util.Set<String> before = sharedEnds();
        WebSession.signIn("ada");

        KeycloakAdmin.signOutEverywhere("ada");

        java.util.Set<String> added = new java.util.HashSet<>();
        await().atMost(WAIT).until(() -> {
            added.addAll(sharedEnds());
            added.removeAll(before);
            return !added.isEmpty();
        });
        assertThat(added).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
    }

    private static java.util.Set<String> sharedEnds() {
        return AuditSql.rows("SELECT sid_hash FROM ended_session").stream().map(r -> r.get("sid_hash"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String sid(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return new io.vertx.core.json.JsonObject(payload).getString("sid");
    }

    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theRealmIssuesShortLivedAccessTokens() {
        int expiresIn = Tokens.passwordGrant("obconsole-cli", "vera", "vera").path("expires_in");
        assertThat(expiresIn).isLessThanOrEqualTo(120);
    }
}
