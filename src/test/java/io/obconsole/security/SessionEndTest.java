package io.obconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.progress.ProgressClient;
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
    void theRealmIssuesShortLivedAccessTokens() {
        int expiresIn = Tokens.passwordGrant("obconsole-cli", "vera", "vera").path("expires_in");
        assertThat(expiresIn).isLessThanOrEqualTo(120);
    }
}
