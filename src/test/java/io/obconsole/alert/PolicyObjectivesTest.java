package io.obconsole.alert;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.api.ApiFixture;
import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backup policy's recovery-point objective: it decides a tenant's state where the cluster's
 * default would not, a tenant's own objective wins over it, a policy for every tenant applies to
 * those without a policy of their own, and deleting the policy brings the default back. Read
 * through the objectives API, as a script or the pages would.
 */
@QuarkusTest
class PolicyObjectivesTest {

    private static final String MYSQL_POLICY = "/api/v1/policies/demo/mysql_tenant";
    private static final String ALL_POLICY = "/api/v1/policies/demo/*";
    private static final String MYSQL_OBJECTIVE = "/api/v1/objectives/demo/mysql_tenant";

    @Inject
    ObjectiveWatch watch;

    @BeforeEach
    void aTenantWhoseLastBackupIsTwoHoursOld() {
        // objectives are evaluated only when a test asks (console.objectives.interval=off): the first round
        // makes the tenant known to the board, whichever class ran before
        ApiFixture.resetCluster();
        watch.round();
        noPoliciesNorOwnObjective();
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(300);
        Demo.clock().advance(Duration.ofHours(2));
        Demo.fleetRead();
        watch.round();
    }

    @AfterEach
    void noPoliciesNorOwnObjective() {
        for (String path : List.of(MYSQL_POLICY, ALL_POLICY, "/api/v1/policies/demo/oracle_tenant")) {
            as("ada").delete(path);
        }
        as("ada").delete(MYSQL_OBJECTIVE).then().statusCode(200);
    }

    @Test
    void aPolicyObjectiveBreachesATenantThatTheClusterDefaultFindsOk() {
        assertThat(objective().getString("state")).isEqualTo("OK");
        assertThat(objective().getString("objective.origin")).isEqualTo("default");

        as("otto").body(policy(Map.of("maxBackupAge", "PT1H"))).put(MYSQL_POLICY).then().statusCode(200);

        JsonPath breached = objective();
        assertThat(breached.getString("state")).isEqualTo("BREACHED");
        assertThat(breached.getString("objective.origin")).isEqualTo("policy");
        assertThat(breached.getString("objective.maxBackupAge")).isEqualTo("PT1H");
        // the figures the policy does not set keep the default
        assertThat(breached.getString("objective.maxFullAge")).isEqualTo("PT168H");
        assertThat(breached.getList("reasons", String.class)).anyMatch(r -> r.contains("older than the objective of 1 h"));

        WebSession otto = WebSession.signIn("otto");
        assertThat(otto.open("/clusters/demo/tenants/mysql_tenant").asString()).containsPattern(
                "id=\"objective-limits\">Newest good backup at most [^(]+\\(its backup policy\\), Newest good FULL at most [^(]+"
                        + "\\(the console’s configuration\\)");
        assertThat(otto.open("/").asString()).containsPattern("(?s)data-objective=\"demo/mysql_tenant\".*?"
                + "data-field=\"origin\">Objective from its backup policy<");
    }

    @Test
    void deletingThePolicyBringsTheDefaultBack() {
        as("otto").body(policy(Map.of("maxBackupAge", "PT1H"))).put(MYSQL_POLICY).then().statusCode(200);
        assertThat(objective().getString("state")).isEqualTo("BREACHED");

        as("otto").delete(MYSQL_POLICY).then().statusCode(204);

        JsonPath back = objective();
        assertThat(back.getString("state")).isEqualTo("OK");
        assertThat(back.getString("objective.origin")).isEqualTo("default");
        assertThat(back.getString("objective.maxBackupAge")).isEqualTo("PT24H");
    }

    @Test
    void aTenantsOwnObjectiveWinsOverItsPolicy() {
        as("otto").body(policy(Map.of("maxBackupAge", "PT1H", "maxArchiveLag", "PT30M"))).put(MYSQL_POLICY).then()
                .statusCode(200);
        as("ada").body(Map.of("maxBackupAge", "PT12H")).put(MYSQL_OBJECTIVE).then().statusCode(200);

        JsonPath own = objective();
        assertThat(own.getString("state")).isEqualTo("OK");
        assertThat(own.getString("objective.origin")).isEqualTo("tenant");
        assertThat(own.getString("objective.maxBackupAge")).isEqualTo("PT12H");
        // figure by figure: what the admin did not set comes from the policy, then from configuration
        assertThat(own.getMap("objective.origins")).containsEntry("maxBackupAge", "tenant")
                .containsEntry("maxArchiveLag", "policy").containsEntry("maxFullAge", "default");
        assertThat(own.getString("objective.maxArchiveLag")).isEqualTo("PT30M");

        // replacing the policy does not override the admin's setting either
        as("otto").body(policy(Map.of("maxBackupAge", "PT30M"))).put(MYSQL_POLICY).then().statusCode(200);
        assertThat(objective().getString("objective.maxBackupAge")).isEqualTo("PT12H");
    }

    @Test
    void aPolicyForEveryTenantAppliesUnlessTheTenantHasAPolicyOfItsOwn() {
        as("ada").body(policy(Map.of("maxBackupAge", "PT1H"))).put(ALL_POLICY).then().statusCode(200);
        assertThat(objective().getString("state")).isEqualTo("BREACHED");
        JsonPath oracle = as("vera").get("/api/v1/objectives/demo/oracle_tenant").then().statusCode(200).extract().jsonPath();
        assertThat(oracle.getString("objective.origin")).isEqualTo("policy");
        assertThat(oracle.getString("objective.maxBackupAge")).isEqualTo("PT1H");

        // mysql_tenant's own policy sets no objective: the cluster's default applies to it, not the policy for every tenant
        as("otto").body(policy(null)).put(MYSQL_POLICY).then().statusCode(200);
        assertThat(objective().getString("state")).isEqualTo("OK");
        assertThat(objective().getString("objective.origin")).isEqualTo("default");
        assertThat(as("vera").get("/api/v1/objectives/demo/oracle_tenant").then().extract().path("objective.origin")
                .toString()).isEqualTo("policy");
    }

    /** mysql_tenant's objective as the objectives API shows it to an operator in scope. */
    private static JsonPath objective() {
        return as("otto").get(MYSQL_OBJECTIVE).then().statusCode(200).extract().jsonPath();
    }

    /** A weekly policy (never due while the test runs) with the objective given, or none. */
    private static Map<String, Object> policy(Map<String, String> objective) {
        Map<String, Object> body = new HashMap<>(Map.of("full", Map.of("days", List.of("MON", "THU"), "time", "02:30"),
                "timeZone", "Europe/Berlin"));
        if (objective != null) {
            body.put("objective", objective);
        }
        return body;
    }
}
