package io.obconsole.security;

import static io.restassured.RestAssured.given;

import io.obconsole.testing.Tokens;
import io.obconsole.testing.WebSession;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/** The test Keycloak's admin REST API (admin/admin), for what a realm administrator does by hand. */
final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    static String adminUrl() {
        return Tokens.realmUrl().replace("/realms/obconsole", "/admin/realms/obconsole");
    }

    private static String adminToken() {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin").formParam("password", "admin")
                .post(Tokens.realmUrl().replace("/realms/obconsole", "/realms/master") + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Points obconsole-web's back-channel logout at the console under test (the realm file names the dev port). */
    @SuppressWarnings("unchecked")
    static void backChannelLogoutToTheConsoleUnderTest() {
        String token = adminToken();
        List<Map<String, Object>> found = given().auth().oauth2(token).queryParam("clientId", "obconsole-web")
                .get(adminUrl() + "/clients").then().statusCode(200).extract().as(List.class);
        Map<String, Object> client = found.get(0);
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        String url = WebSession.consoleUrl() + "/back-channel-logout";
        if (url.equals(attributes.get("backchannel.logout.url"))) {
            return;
        }
        attributes.put("backchannel.logout.url", url);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(client)
                .put(adminUrl() + "/clients/" + client.get("id")).then().statusCode(204);
    }

    /** Ends every Keycloak session of a user, as an administrator does in the admin console. */
    @SuppressWarnings("unchecked")
    static void signOutEverywhere(String username) {
        String token = adminToken();
        List<Map<String, Object>> users = given().auth().oauth2(token).queryParam("username", username)
                .queryParam("exact", true).get(adminUrl() + "/users").then().statusCode(200).extract().as(List.class);
        given().auth().oauth2(token).post(adminUrl() + "/users/" + users.get(0).get("id") + "/logout")
                .then().statusCode(204);
    }

    /**
     * A copy of the obconsole-cli client (same mappers: roles, scopes, audience) whose access
     * tokens live only {@code seconds}, as a realm administrator sets "Access Token Lifespan" on
     * one client; made once, then reused.
     */
    @SuppressWarnings("unchecked")
    static String shortLivedCliClient(int seconds) {
        String clientId = "obconsole-cli-" + seconds + "s";
        String token = adminToken();
        List<Map<String, Object>> existing = given().auth().oauth2(token).queryParam("clientId", clientId)
                .get(adminUrl() + "/clients").then().statusCode(200).extract().as(List.class);
        if (!existing.isEmpty()) {
            return clientId;
        }
        List<Map<String, Object>> found = given().auth().oauth2(token).queryParam("clientId", "obconsole-cli")
                .get(adminUrl() + "/clients").then().statusCode(200).extract().as(List.class);
        Map<String, Object> client = found.get(0);
        client.remove("id");
        client.put("clientId", clientId);
        ((List<Map<String, Object>>) client.getOrDefault("protocolMappers", List.of())).forEach(mapper -> mapper.remove("id"));
        Map<String, Object> attributes = (Map<String, Object>) client.computeIfAbsent("attributes", k -> new java.util.HashMap<>());
        attributes.put("access.token.lifespan", Integer.toString(seconds));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(client)
                .post(adminUrl() + "/clients").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        return clientId;
    }
}
