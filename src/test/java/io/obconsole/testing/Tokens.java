package io.obconsole.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real bearer tokens from the test Keycloak, as a script would get them (obconsole-cli, password grant). */
public final class Tokens {

    private Tokens() {
    }

    /** An access token for a demo user whose password equals the username. */
    public static String accessToken(String username) {
        return accessToken(username, username);
    }

    public static String accessToken(String username, String password) {
        return accessTokenFrom(realmUrl(), username, password);
    }

    /** A token fetched from the realm under another address, e.g. {@code http://127.0.0.1:<port>/realms/obconsole}. */
    public static String accessTokenFrom(String realmUrl, String username, String password) {
        return passwordGrant(realmUrl, "obconsole-cli", username, password).path("access_token");
    }

    /** Keycloak's token answer to a password grant for any client of the realm (e.g. {@code admin-cli}). */
    public static ExtractableResponse<Response> passwordGrant(String clientId, String username, String password) {
        return passwordGrant(realmUrl(), clientId, username, password);
    }

    private static ExtractableResponse<Response> passwordGrant(String realmUrl, String clientId, String username,
            String password) {
        return given()
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", username)
                .formParam("password", password)
                .when().post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract();
    }

    /** The test Keycloak's realm URL. */
    public static String realmUrl() {
        int port = ConfigProvider.getConfig().getValue("console.embedded.keycloak.port", Integer.class);
        return "http://localhost:" + port + "/realms/obconsole";
    }
}
