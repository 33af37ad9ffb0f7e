package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The code flow against the real Keycloak: the overview greets the person, and sign-out ends the Keycloak session too. */
@QuarkusTest
class SignInTest {

    @Test
    void signedInOperatorSeesTheirNameRoleAndOnlyTheirTenants() {
        WebSession otto = WebSession.signIn("otto");

        String overview = otto.open("/").then().statusCode(200).extract().asString();

        assertThat(overview).contains("id=\"signed-in-user\">otto<").contains(">Operator<")
                .contains("mysql_tenant").doesNotContain("oracle_tenant").doesNotContain("analytics");
    }

    @Test
    void signOutEndsTheKeycloakSessionSoTheNextVisitAsksForThePasswordAgain() {
        WebSession vera = WebSession.signIn("vera");
        assertThat(vera.open("/").asString()).contains("oracle_tenant");

        Response last = vera.signOut();

        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(last.asString()).contains("Sign in again");
        Response again = vera.followToKeycloak(vera.get("/"));
        assertThat(again.asString()).contains("kc-form-login");
    }

    @Test
    void aPageWithoutSessionRedirectsToTheKeycloakLoginPage() {
        WebSession anonymous = WebSession.anonymous();
        Response response = anonymous.get("/jobs");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(response)).contains("/realms/obconsole/protocol/openid-connect/auth");
    }
}
