package io.obconsole.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.obconsole.access.Operator;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/audit with real Keycloak tokens: who sees which records, filters, CSV, chain check. */
@QuarkusTest
class AuditResourceTest {

    private static final Operator OLGA = new Operator("olga", "sub-olga", Set.of("backup-operator"), List.of("demo/*"),
            "127.0.0.1");

    @Inject
    AuditTrail trail;

    private long mysqlIntent;
    private long oracleIntent;
    private long everyTenantIntent;
    private String marker;

    @BeforeEach
    void someoneActedOnEachKindOfScope() {
        marker = "m" + System.nanoTime();
        mysqlIntent = act(List.of("mysql_tenant"), AuditOutcome.ACCEPTED);
        oracleIntent = act(List.of("oracle_tenant"), AuditOutcome.REFUSED_BY_PREFLIGHT);
        everyTenantIntent = act(List.of("*"), AuditOutcome.ACCEPTED);
    }

    private long act(List<String> tenants, AuditOutcome outcome) {
        long id = trail.recordIntent(new ActionIntent(OLGA, AuditAction.BACKUP_FULL, "demo", tenants,
                Map.of("description", "=HYPERLINK(\"x\") " + marker, "password", "not set"), null));
        trail.recordOutcome(id, outcome, List.of(), null, "=HYPERLINK(\"http://evil\",\"x\"), " + marker, List.of());
        return id;
    }

    @Test
    void withoutATokenTheAuditIs401() {
        given().when().get("/api/v1/audit").then().statusCode(401);
        given().when().get("/api/v1/audit/verify").then().statusCode(401);
    }

    @Test
    void anOperatorScopedToOneTenantSeesOnlyThatTenantsRecords() {
        List<Integer> ids = given().auth().oauth2(Tokens.accessToken("otto"))
                .queryParam("actor", "olga").queryParam("size", 500)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("records.tenants", everyItem(equalTo(List.of("mysql_tenant"))))
                .extract().path("records.id");
        assertThat(ids).contains((int) mysqlIntent).doesNotContain((int) oracleIntent, (int) everyTenantIntent);
    }

    @Test
    void aViewerOfTheWholeClusterSeesEveryTenantAndEveryTenantRecords() {
        List<Integer> ids = given().auth().oauth2(Tokens.accessToken("vera"))
                .queryParam("actor", "olga").queryParam("size", 500)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .extract().path("records.id");
        assertThat(ids).contains((int) mysqlIntent, (int) oracleIntent, (int) everyTenantIntent);
    }

    @Test
    void filtersNarrowTheListNewestFirst() {
        String ada = Tokens.accessToken("ada");
        List<Integer> ids = given().auth().oauth2(ada)
                .queryParam("tenant", "oracle_tenant").queryParam("outcome", "refused_by_preflight")
                .queryParam("action", "BACKUP_FULL").queryParam("cluster", "demo")
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("records.outcome", everyItem(equalTo("REFUSED_BY_PREFLIGHT")))
                .extract().path("records.intentId");
        assertThat(ids).contains((int) oracleIntent);

        List<Integer> newest = given().auth().oauth2(ada)
                .queryParam("from", Instant.now().minusSeconds(60).toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString())
                .queryParam("page", 0).queryParam("size", 2)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("size", equalTo(2))
                .extract().path("records.id");
        assertThat(newest).hasSize(2);
        assertThat(newest.get(0)).isGreaterThan(newest.get(1));

        given().auth().oauth2(ada).queryParam("from", Instant.now().plusSeconds(3600).toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(ada).queryParam("outcome", "MAYBE")
                .when().get("/api/v1/audit").then().statusCode(400);
    }

    @Test
    void csvExportQuotesAndDefusesFormulas() {
        String csv = given().auth().oauth2(Tokens.accessToken("ada"))
                .accept("text/csv").queryParam("actor", "olga")
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        assertThat(csv).startsWith("id,time_utc,actor,subject,roles,client_address,action,cluster,tenants,parameters,");
        assertThat(csv).contains("\"description==HYPERLINK(\"\"x\"\") " + marker + "; password=not set\"")
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\"), " + marker + "\",")
                .contains("\r\n" + everyTenantIntent + ",");
        assertThat(csv.lines().filter(line -> line.startsWith("=") || line.contains(",=") || line.contains(",\"=")))
                .isEmpty();
    }

    @Test
    void onlyAdminsCheckTheChain() {
        given().auth().oauth2(Tokens.accessToken("ada"))
                .when().get("/api/v1/audit/verify")
                .then().statusCode(200)
                .body("intact", equalTo(true));
        given().auth().oauth2(Tokens.accessToken("vera"))
                .when().get("/api/v1/audit/verify").then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken("otto"))
                .when().get("/api/v1/audit/verify").then().statusCode(403);
    }

    @Test
    void jsonIsTheDefaultForWildcardAccept() {
        given().auth().oauth2(Tokens.accessToken("vera")).accept("*/*")
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .contentType("application/json")
                .body("records.actor", hasItem("olga"))
                .body("records.parameters.password", not(hasItem("set")));
    }
}
