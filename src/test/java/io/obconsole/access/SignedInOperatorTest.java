package io.obconsole.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.obconsole.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A real bearer token from the test Keycloak becomes the right Operator. */
@QuarkusTest
class SignedInOperatorTest {

    @Test
    void ottoIsAnOperatorScopedToOneTenant() {
        String token = Tokens.accessToken("otto");
        given().auth().oauth2(token)
                .when().get("/api/v1/test/whoami")
                .then().statusCode(200)
                .body("username", equalTo("otto"))
                .body("subject", equalTo(subjectOf(token)))
                .body("roles", hasItem("backup-operator"))
                .body("scopes", containsInAnyOrder("demo/mysql_tenant"))
                .body("clientAddress", equalTo("127.0.0.1"));
    }

    @Test
    void adaIsAnAdminOfTheWholeDemoFleet() {
        given().auth().oauth2(Tokens.accessToken("ada"))
                .when().get("/api/v1/test/whoami")
                .then().statusCode(200)
                .body("username", equalTo("ada"))
                .body("roles", hasItem("backup-admin"))
                .body("scopes", containsInAnyOrder("demo/*", "legacy/*", "payroll/*", "dr/*"));
    }

    @Test
    void aForwardedForHeaderIsIgnoredWhileProxyForwardingIsOff() {
        given().auth().oauth2(Tokens.accessToken("vera"))
                .header("X-Forwarded-For", "203.0.113.9")
                .when().get("/api/v1/test/whoami")
                .then().statusCode(200)
                .body("roles", hasItem("backup-viewer"))
                .body("clientAddress", equalTo("127.0.0.1"));
    }

    @Test
    void withoutATokenThereIsNoOperator() {
        given().when().get("/api/v1/test/whoami").then().statusCode(401);
    }

    private static String subjectOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        int start = payload.indexOf("\"sub\":\"") + 7;
        String sub = payload.substring(start, payload.indexOf('"', start));
        assertThat(sub).isNotBlank();
        return sub;
    }
}
