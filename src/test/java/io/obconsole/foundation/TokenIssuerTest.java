package io.obconsole.foundation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.obconsole.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A script may fetch its token from Keycloak under any name of this machine: the realm's issuer is
 * pinned (Keycloak's --hostname), so a token from 127.0.0.1 is as good as one from localhost.
 */
@QuarkusTest
class TokenIssuerTest {

    @Test
    void tokensFetchedThrough127001AndLocalhostAreBothAccepted() {
        String viaLocalhost = Tokens.accessToken("vera");
        String viaLoopbackAddress = Tokens.accessTokenFrom(Tokens.realmUrl().replace("//localhost:", "//127.0.0.1:"),
                "vera", "vera");

        assertThat(issuer(viaLoopbackAddress)).isEqualTo(issuer(viaLocalhost)).isEqualTo(Tokens.realmUrl());
        for (String token : new String[] {viaLocalhost, viaLoopbackAddress}) {
            given().auth().oauth2(token).when().get("/api/v1/clusters")
                    .then().statusCode(200).body(containsString("\"demo\""));
        }
    }

    private static String issuer(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.replaceAll(".*\"iss\":\"([^\"]+)\".*", "$1");
    }
}
