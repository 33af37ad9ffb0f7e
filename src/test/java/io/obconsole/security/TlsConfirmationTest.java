package io.obconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 7 on the pages: the test profile prefers TLS to the demo cluster and forbids
 * sending an encryption password without it; the confirmation page tells which case applies.
 */
@QuarkusTest
class TlsConfirmationTest {

    private static final Map<String, Object> ENCRYPTED_FULL = Map.of("cluster", "demo", "tenants", "mysql_tenant",
            "type", "FULL", "password", "s3cret-pw", "passwordConfirmation", "s3cret-pw", "description", "tls test");

    @BeforeEach
    void forget() {
        ClusterChanges.forget();
    }

    @AfterEach
    void tlsBackOn() {
        Demo.cluster().control().offerTls(true);
        ClusterChanges.letJobsEnd();
    }

    private static String review(WebSession olga) {
        olga.open("/backups/new");
        Response review = olga.post("/backups/review", ENCRYPTED_FULL);
        assertThat(review.statusCode()).as(review.asString()).isEqualTo(303);
        return WebSession.pathOf(WebSession.location(review));
    }

    @Test
    void overTlsThePageDoesNotWarnAndThePasswordIsSent() {
        WebSession olga = WebSession.signIn("olga");
        String review = review(olga);

        assertThat(olga.open(review).asString()).contains("Confirm and start").doesNotContain("id=\"password-in-clear\"");
        Response started = olga.post(review + "/confirm", Map.of());

        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(ClusterChanges.sent()).anyMatch(sql -> sql.startsWith("SET ENCRYPTION ON IDENTIFIED BY"));
    }

    @Test
    void withoutTlsThePageWarnsAndTheConfirmationSendsNothing() {
        Demo.cluster().control().offerTls(false);
        WebSession olga = WebSession.signIn("olga");
        String review = review(olga);

        String page = olga.open(review).asString();
        assertThat(page).contains("id=\"password-in-clear\"").contains("not encrypted (TLS)")
                .contains("confirming will be refused");
        Response refused = olga.post(review + "/confirm", Map.of());

        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(refused.asString()).contains("not encrypted");
        assertThat(ClusterChanges.sent()).isEmpty();
    }

    @Test
    void aBackupWithoutPasswordNeedsNoWarning() {
        Demo.cluster().control().offerTls(false);
        WebSession olga = WebSession.signIn("olga");
        olga.open("/backups/new");
        Response review = olga.post("/backups/review", Map.of("cluster", "demo", "tenants", "mysql_tenant", "type",
                "FULL", "description", "no password"));

        assertThat(olga.open(WebSession.pathOf(WebSession.location(review))).asString()).contains("Confirm and start")
                .doesNotContain("id=\"password-in-clear\"");
    }
}
