package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.backup;
import static io.obconsole.api.ApiFixture.backupsReceived;
import static io.obconsole.api.ApiFixture.control;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of API error is RFC 9457 problem+json in one shape, the security layer's 401 and 403 included. */
@QuarkusTest
class ProblemDetailsTest {

    @BeforeEach
    void freshCluster() {
        ApiFixture.resetCluster();
    }

    @AfterEach
    void putBack() {
        ApiFixture.resetCluster();
    }

    private static Response start(String user, Object body) {
        return ApiFixture.start(user, "demo", body);
    }

    /** The problem members every error has, and the kind; returns the document for the kind's own members. */
    private static JsonPath problem(Response response, int status, String kind) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonPath json = response.jsonPath();
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("error")).isEqualTo(kind);
        assertThat(json.getString("type")).isEqualTo("urn:obconsole:problem:" + kind.toLowerCase().replace('_', '-'));
        assertThat(json.getString("title")).isNotBlank();
        return json;
    }

    @Test
    void withoutATokenIs401ProblemWithABearerChallenge() {
        Response response = given().get("/api/v1/clusters");
        problem(response, 401, "UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenThatIsNotValidIs401Problem() {
        problem(given().header("Authorization", "Bearer not-a-token").get("/api/v1/clusters"), 401, "UNAUTHENTICATED");
    }

    @Test
    void outsideYourRoleIs403Problem() {
        JsonPath json = problem(start("vera", backup("FULL", "mysql_tenant")), 403, "FORBIDDEN");
        assertThat(json.getString("nextStep")).contains("ob_scopes");
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void malformedJsonIs400ProblemWithoutAFrameworkDump() {
        JsonPath json = problem(start("ada", "{\"type\": \"FULL\", \"tenants\": [\"mysql_tenant\""), 400,
                "INVALID_REQUEST");
        assertThat(json.getString("detail")).startsWith("The request body is not valid JSON").doesNotContain("io.obconsole");
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void anUnknownFieldIs400ProblemNamingItAndNothingRuns() {
        JsonPath json = problem(start("ada", Map.of("type", "FULL", "tenants", java.util.List.of("mysql_tenant"),
                "concurency", 5)), 400, "INVALID_REQUEST");
        assertThat(json.getString("detail")).contains("'concurency'");
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void unknownClusterAndUnknownPathAre404Problems() {
        problem(as("ada").get("/api/v1/clusters/nope/tenants"), 404, "UNKNOWN_CLUSTER");
        problem(as("ada").get("/api/v1/no-such-call"), 404, "NOT_FOUND");
    }

    @Test
    void alreadyRunningIs409Problem() {
        start("olga", backup("FULL", "mysql_tenant")).then().statusCode(202);
        JsonPath json = problem(start("otto", backup("FULL", "mysql_tenant")), 409, "ALREADY_RUNNING");
        assertThat(json.getString("detail")).contains("started by olga at");
        assertThat(json.getString("nextStep")).contains("cancel");
    }

    @Test
    void preflightRefusalIs422ProblemWithFindings() {
        JsonPath json = problem(start("ada", backup("FULL", "analytics")), 422, "PREFLIGHT_FAILED");
        assertThat(json.getList("findings.check")).contains("ARCHIVE_DOING", "BACKUP_DEST_SET");
    }

    @Test
    void oceanBaseRefusalIs502ProblemWithCodeTextExplanationAndNextStep() {
        ClusterChangesAfterPreflight.arm(() -> control().setArchive("mysql_tenant", "STOP"));
        JsonPath json = problem(start("otto", backup("FULL", "mysql_tenant")), 502, "OCEANBASE_ERROR");
        assertThat(json.getInt("obCode")).isEqualTo(9040);
        assertThat(json.getString("obText")).isEqualTo("backup can not start, because log archive status is not doing.");
        assertThat(json.getString("explanation")).contains("DOING");
        assertThat(json.getString("nextStep")).contains("ALTER SYSTEM ARCHIVELOG");
    }

    @Test
    void clusterDownIs503Problem() {
        control().refuseConnections();
        JsonPath json = problem(start("otto", backup("FULL", "mysql_tenant")), 503, "CLUSTER_UNREACHABLE");
        assertThat(json.getString("explanation")).contains("could not reach the cluster");
    }

    @Test
    void theFaviconIsServed() {
        Response icon = given().get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.asByteArray()).startsWith(0, 0, 1, 0);
    }
}
