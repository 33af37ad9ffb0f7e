package io.obconsole.testing;

import static io.restassured.RestAssured.given;

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
        return given()
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("client_id", "obconsole-cli")
                .formParam("username", username)
                .formParam("password", password)
                .when().post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The test Keycloak's realm URL. */
    public static String realmUrl() {
        int port = ConfigProvider.getConfig().getValue("console.embedded.keycloak.port", Integer.class);
        return "http://localhost:" + port + "/realms/obconsole";
    }
}
