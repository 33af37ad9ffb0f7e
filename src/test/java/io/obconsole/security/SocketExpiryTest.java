package io.obconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.progress.ProgressClient;
import io.obconsole.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A progress socket lives no longer than the token it was opened with: an open socket keeps no
 * token to check again, so the console closes it when that token expires (a page then reconnects
 * with what its session holds now).
 */
@QuarkusTest
class SocketExpiryTest {

    @Test
    void aSocketOpenedWithAShortLivedTokenClosesWhenTheTokenExpiresAndNotBefore() {
        String client = KeycloakAdmin.shortLivedCliClient(8);
        String token = Tokens.passwordGrant(client, "vera", "vera").path("access_token");
        Instant expires = Instant.ofEpochSecond(new io.vertx.core.json.JsonObject(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]))).getLong("exp"));

        try (ProgressClient socket = ProgressClient.connect(token, null)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> socket.types().contains("snapshot"));
            assertThat(Instant.now()).as("the snapshot arrived while the token was valid").isBefore(expires);

            await().atMost(Duration.ofSeconds(30)).until(socket::isClosed);
            // exp has whole seconds: the close may come at most a second before the instant it names
            assertThat(Instant.now()).as("closed once the token expired").isAfter(expires.minusSeconds(1));
        }
    }
}
