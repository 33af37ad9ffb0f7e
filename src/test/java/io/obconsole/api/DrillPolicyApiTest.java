package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.obconsole.testing.AuditSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drill policies through /api/v1: admins manage them, operators and viewers read them, each change audited with its difference. */
@QuarkusTest
class DrillPolicyApiTest {

    private static final String MYSQL = "/api/v1/drill-policies/demo/mysql_tenant";
    private static final String ORACLE = "/api/v1/drill-policies/demo/oracle_tenant";
    private static final String ALL = "/api/v1/drill-policies/demo/*";

    @BeforeEach
    @AfterEach
    void noDrillPolicies() {
        for (String path : List.of(MYSQL, ORACLE, ALL)) {
            as("ada").delete(path);
        }
    }

    /** Sundays at 04:00 in Berlin: never due while the test runs. */
    static Map<String, Object> weekly(String... more) {
        Map<String, Object> body = new HashMap<>(Map.of("schedule", Map.of("days", List.of("SUN"), "time", "04:00"),
                "timeZone", "Europe/Berlin", "drillCluster", "demo", "point", "LATEST", "timeLimit", "PT30M"));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void anAdminCreatesADrillPolicyAndEveryoneInScopeReadsIt() {
        as("ada").body(weekly("concurrency", "8")).put(MYSQL).then().statusCode(200)
                .body("cluster", equalTo("demo")).body("tenant", equalTo("mysql_tenant"))
                .body("schedule.days", equalTo(List.of("SUNDAY"))).body("schedule.time", equalTo("04:00"))
                .body("drillCluster", equalTo("demo")).body("drillPool", equalTo(null)).body("point", equalTo("LATEST"))
                .body("concurrency", equalTo(8)).body("timeLimitSeconds", equalTo(1800)).body("owner", equalTo("ada"))
                .body("nextRun", notNullValue());

        as("vera").get(MYSQL).then().statusCode(200).body("owner", equalTo("ada"));
        as("olga").get(MYSQL).then().statusCode(200);
        as("otto").get(MYSQL).then().statusCode(200);
        as("otto").get("/api/v1/drill-policies").then().statusCode(200).body("tenant", hasItem("mysql_tenant"));
    }

    @Test
    void operatorsAndViewersMayNotManageDrillPolicies() {
        // olga's refusals from this test only: other classes (the role-action matrix) leave theirs on the trail
        String since = AuditSql.rows("SELECT COALESCE(MAX(id), 0) AS id FROM audit_record").get(0).get("id");
        as("olga").body(weekly()).put(MYSQL).then().statusCode(403).body("detail", containsString("admins only"));
        as("vera").body(weekly()).put(MYSQL).then().statusCode(403);
        as("otto").body(weekly()).put(MYSQL).then().statusCode(403);
        as("ada").get(MYSQL).then().statusCode(404).body("error", equalTo("UNKNOWN_POLICY"));

        as("ada").body(weekly()).put(MYSQL).then().statusCode(200);
        as("olga").delete(MYSQL).then().statusCode(403);
        as("olga").post(MYSQL + "/run").then().statusCode(403);
        as("ada").get(MYSQL).then().statusCode(200);
        assertThat(AuditSql.rows("SELECT outcome FROM audit_record WHERE id > " + since + " AND actor_username = 'olga' "
                + "AND action_name IN ('DRILL_POLICY_SAVE', 'DRILL_POLICY_DELETE', 'DRILL_RUN_NOW')"))
                .hasSize(3).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("REFUSED_FORBIDDEN"));
    }

    @Test
    void aTenantOutOfOttosScopeIsForbiddenToHimAndLeftOutOfHisList() {
        as("ada").body(weekly()).put(ORACLE).then().statusCode(200);
        as("otto").get(ORACLE).then().statusCode(403);
        as("otto").get("/api/v1/drill-policies").then().statusCode(200).body("tenant", not(hasItem("oracle_tenant")));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsStored() {
        as("ada").body(weekly("point", "SOMETIME")).put(MYSQL).then().statusCode(400).body("detail", containsString("LATEST"));
        as("ada").body(weekly("timeLimit", "PT10S")).put(MYSQL).then().statusCode(400)
                .body("detail", containsString("between 1 minute and 2 days"));
        as("ada").body(weekly("drillCluster", "payroll")).put(MYSQL).then().statusCode(400)
                .body("detail", containsString("root@sys"));
        as("ada").body(weekly("drillPool", "no_such_pool")).put(MYSQL).then().statusCode(400)
                .body("detail", containsString("no resource pool named 'no_such_pool'"));
        as("ada").body(weekly("decryptionSecret", "not-configured")).put(MYSQL).then().statusCode(400)
                .body("detail", containsString("OBC_SECRET_NOT_CONFIGURED"));
        as("ada").body(weekly()).put("/api/v1/drill-policies/demo/nobody").then().statusCode(404);
        as("ada").get(MYSQL).then().statusCode(404);
    }

    @Test
    void changesAreAuditedWithTheirDifferenceAndDeletionRemovesThePolicy() {
        as("ada").body(weekly()).put(ALL).then().statusCode(200).body("tenant", equalTo("*"));
        as("ada").body(weekly("point", "RANDOM")).put(ALL).then().statusCode(200).body("point", equalTo("RANDOM"));
        List<Map<String, String>> changes = AuditSql.rows("SELECT action_name, action_params FROM audit_record "
                + "WHERE actor_username = 'ada' AND action_name LIKE 'DRILL_POLICY_C%' AND outcome = 'INTENDED' ORDER BY id");
        assertThat(changes).extracting(r -> r.get("action_name")).endsWith("DRILL_POLICY_CREATE", "DRILL_POLICY_CHANGE");
        assertThat(changes.get(changes.size() - 1).get("action_params")).contains("LATEST → RANDOM")
                .doesNotContain("timeZone");

        as("ada").delete(ALL).then().statusCode(204);
        as("ada").get(ALL).then().statusCode(404);
    }
}
