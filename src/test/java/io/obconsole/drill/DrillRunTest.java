package io.obconsole.drill;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.obconsole.api.ApiFixture;
import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restore drills run on the demo cluster (manual clock), driven round by round as the supervisor
 * would: a drill proven end to end, a failing one, the refusal to drop a tenant that is not the
 * run's scratch tenant, and runs left mid-way by a dead instance finished or cleaned up.
 */
@QuarkusTest
class DrillRunTest {

    private static final String POLICY = "/api/v1/drill-policies/demo/mysql_tenant";
    private static final String ALL = "/api/v1/drill-policies/demo/*";

    @BeforeEach
    void fresh() {
        ApiFixture.resetCluster();
        // classes before may have made an encrypted set its newest: these drills give no password
        Demo.freshFullBackup("mysql_tenant");
        as("ada").delete(POLICY);
        as("ada").delete(ALL);
        AuditSql.update("DELETE FROM drill_run");
    }

    @AfterEach
    void putBack() {
        as("ada").delete(POLICY);
        AuditSql.update("DELETE FROM drill_run");
        ApiFixture.resetCluster();
    }

    private static void policy(String... more) {
        Map<String, Object> body = new HashMap<>(Map.of("schedule", Map.of("days", List.of("SUN"), "time", "04:00"),
                "timeZone", "UTC", "drillCluster", "demo", "point", "LATEST", "timeLimit", "PT30M"));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        as("ada").body(body).put(POLICY).then().statusCode(200);
    }

    private static long runNow() {
        return as("ada").post(POLICY + "/run").then().statusCode(202).body("[0].state", equalTo("PENDING"))
                .extract().jsonPath().getLong("[0].id");
    }

    private static DrillSupervisor supervisor() {
        return Arc.container().instance(DrillSupervisor.class).get();
    }

    /** One round of the supervisor, then the demo's time moves on and the fleet reads the cluster: the run's state after. */
    private static DrillState roundThenTime(long run, int seconds) {
        supervisor().round();
        Demo.clock().advanceSeconds(seconds);
        Demo.fleetRead();
        return state(run);
    }

    private static DrillState state(long run) {
        return DrillState.valueOf(AuditSql.rows("SELECT state FROM drill_run WHERE id = " + run).get(0).get("state"));
    }

    /** The run's state, or when it is not the one expected, a failure that says why the run ended as it did. */
    private static void assertState(long run, DrillState actual, DrillState expected) {
        if (actual != expected) {
            Map<String, String> row = AuditSql.rows("SELECT state, failure FROM drill_run WHERE id = " + run).get(0);
            List<Map<String, String>> restores = AuditSql.rows("SELECT outcome, ob_code, ob_text FROM audit_record "
                    + "WHERE action_name = 'RESTORE' ORDER BY id DESC LIMIT 1");
            assertThat(actual).as("run %d, failure: %s; the last restore on the trail: %s", run, row.get("failure"), restores)
                    .isEqualTo(expected);
        }
    }

    private static void driven(long run, DrillState end) {
        await().atMost(Duration.ofSeconds(90)).until(() -> roundThenTime(run, 30).ended());
        assertState(run, state(run), end);
    }

    private static List<Map<String, Object>> drillTenants() {
        return Demo.query("SELECT TENANT_NAME FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME LIKE 'drill%'");
    }

    private static List<Map<String, Object>> drillPools() {
        return Demo.query("SELECT NAME FROM oceanbase.DBA_OB_RESOURCE_POOLS WHERE NAME LIKE 'drill%'");
    }

    private static List<String> received(String prefix) {
        return control().statementsReceived().stream().filter(s -> s.startsWith(prefix)).toList();
    }

    // ---- a drill proven end to end

    @Test
    void aDrillRestoresIntoAScratchTenantChecksItDropsItAndItsPoolAndSaysWhatItProved() {
        policy();
        long run = runNow();
        String scratch = "drill_mysql_tenant_" + run;

        assertState(run, roundThenTime(run, 10), DrillState.RESTORING);
        assertThat(received("CREATE RESOURCE UNIT drill_" + run + "_unit")).hasSize(1);
        assertThat(received("CREATE RESOURCE POOL drill_" + run + "_pool")).hasSize(1);
        assertThat(received("ALTER SYSTEM RESTORE " + scratch + " FROM ")).singleElement().asString()
                .contains(" UNTIL SCN=").contains("WITH 'pool_list=drill_" + run + "_pool'");
        as("vera").get("/api/v1/restores?tenant=" + scratch).then().statusCode(200).body("[0].tenant", equalTo(scratch));

        driven(run, DrillState.PROVEN);
        assertThat(received("DROP TENANT")).containsExactly("DROP TENANT " + scratch + " FORCE");
        assertThat(received("DROP RESOURCE")).containsExactly("DROP RESOURCE POOL drill_" + run + "_pool",
                "DROP RESOURCE UNIT drill_" + run + "_unit");
        assertThat(drillTenants()).isEmpty();
        assertThat(drillPools()).isEmpty();

        as("vera").get("/api/v1/drills/demo/mysql_tenant/proof").then().statusCode(200)
                .body("provenAt", notNullValue()).body("restoreSeconds", notNullValue())
                .body("pointAgeSeconds", notNullValue())
                .body("inWords", startsWith("last proven restorable: ")).body("lastDrill.state", equalTo("PROVEN"));
        as("otto").get("/api/v1/drills/demo/mysql_tenant").then().statusCode(200)
                .body("[0].state", equalTo("PROVEN")).body("[0].scratchTenant", equalTo(scratch))
                .body("[0].poolCreatedByDrill", equalTo(true))
                .body("[0].checks.size()", equalTo(3)).body("[0].checks.findAll { it.startsWith('PASS') }.size()", equalTo(3));

        assertThat(WebSession.signIn("vera").open("/clusters/demo/tenants/mysql_tenant").asString())
                .contains("Restore drills").contains("last proven restorable: ");

        List<Map<String, String>> steps = AuditSql.rows("SELECT action_name, outcome FROM audit_record WHERE actor_username = "
                + "'drill policy " + policyId() + " on behalf of ada' AND outcome <> 'INTENDED' ORDER BY id");
        assertThat(steps).extracting(r -> r.get("action_name") + " " + r.get("outcome")).containsExactly(
                "DRILL_PREFLIGHT ACCEPTED", "RESTORE ACCEPTED", "DRILL_CHECK ACCEPTED", "DRILL_CLEANUP ACCEPTED");
    }

    @Test
    void aConsoleDatabaseThatNumbersRunsFromTheStartAgainStillRestoresEachRun() {
        policy();
        long first = runNow();
        driven(first, DrillState.PROVEN);
        // the console's database made anew (or restored from an older backup): the next run gets the same id
        AuditSql.update("DELETE FROM drill_run");
        AuditSql.update("ALTER TABLE drill_run AUTO_INCREMENT = " + first);
        long again = runNow();
        assertThat(again).isEqualTo(first);

        driven(again, DrillState.PROVEN);
        assertThat(received("ALTER SYSTEM RESTORE drill_mysql_tenant_" + first + " FROM ")).hasSize(2);
        assertThat(received("DROP TENANT")).containsExactly("DROP TENANT drill_mysql_tenant_" + first + " FORCE",
                "DROP TENANT drill_mysql_tenant_" + first + " FORCE");
        assertThat(drillTenants()).isEmpty();
    }

    private static long policyId() {
        return as("ada").get(POLICY).then().statusCode(200).extract().jsonPath().getLong("id");
    }

    // ---- the schedule

    @Test
    void eachScheduledSlotIsClaimedOncePerTenantOfTheCluster() {
        Map<String, Object> everyTwoSeconds = Map.of("schedule", Map.of("cron", "*/2 * * * * ?"), "timeZone", "UTC",
                "drillCluster", "demo");
        as("ada").body(everyTwoSeconds).put(ALL).then().statusCode(200);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> AuditSql.rows("SELECT DISTINCT slot FROM drill_run").size() >= 2);
        } finally {
            as("ada").delete(ALL).then().statusCode(204);
        }
        List<Map<String, String>> perSlot = AuditSql.rows("SELECT slot, COUNT(*) AS n, COUNT(DISTINCT tenant_name) AS t "
                + "FROM drill_run GROUP BY slot");
        assertThat(perSlot).allSatisfy(r -> {
            assertThat(r.get("n")).isEqualTo("3");
            assertThat(r.get("t")).isEqualTo("3");
        });
        assertThat(AuditSql.rows("SELECT DISTINCT tenant_name FROM drill_run")).extracting(r -> r.get("tenant_name"))
                .containsExactlyInAnyOrder("mysql_tenant", "oracle_tenant", "analytics");
    }

    // ---- a failing drill

    @Test
    void aRestoreThatFailsInItsBackgroundPhaseFailsTheDrillWhichStillCleansUp() {
        policy();
        Demo.sql("CALL demo.fail_next_restore('missing archive piece')");
        long run = runNow();

        driven(run, DrillState.FAILED);
        String scratch = "drill_mysql_tenant_" + run;
        assertThat(received("DROP TENANT")).containsExactly("DROP TENANT " + scratch + " FORCE");
        assertThat(drillTenants()).isEmpty();
        assertThat(drillPools()).isEmpty();
        as("vera").get("/api/v1/drills/demo/mysql_tenant/proof").then().statusCode(200)
                .body("provenAt", equalTo(null)).body("inWords", equalTo("never proven restorable by a drill"))
                .body("lastDrill.state", equalTo("FAILED"))
                .body("lastDrill.failure", org.hamcrest.Matchers.containsString("missing archive piece"));
        assertThat(WebSession.signIn("otto").open("/clusters/demo/tenants/mysql_tenant").asString())
                .contains("never proven restorable by a drill").contains("The last drill failed: ")
                .contains("missing archive piece");
    }

    // ---- never another tenant

    @Test
    void theConsoleRefusesToDropATenantThatIsNotTheRunsScratchTenant() {
        policy();
        long policy = policyId();
        AuditSql.update("INSERT INTO drill_run (policy_id, slot, cluster_name, tenant_name, drill_cluster, state, claimed_at, "
                + "scratch_tenant, scratch_created, scratch_tenant_id) VALUES (" + policy + ", NOW(6), 'demo', "
                + "'mysql_tenant', 'demo', 'CLEANING', NOW(6), 'mysql_tenant', TRUE, 1002)");
        long run = Long.parseLong(AuditSql.rows("SELECT MAX(id) AS id FROM drill_run").get(0).get("id"));

        supervisor().round();

        assertThat(state(run)).isEqualTo(DrillState.FAILED);
        assertThat(received("DROP TENANT")).isEmpty();
        assertThat(received("ALTER SYSTEM CANCEL RESTORE")).isEmpty();
        assertThat(Demo.query("SELECT TENANT_NAME FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = 'mysql_tenant'"))
                .hasSize(1);
        assertThat(AuditSql.rows("SELECT outcome, ob_text FROM audit_record WHERE action_name = 'DRILL_CLEANUP' "
                + "AND outcome <> 'INTENDED' ORDER BY id DESC LIMIT 1")).singleElement().satisfies(r -> {
                    assertThat(r.get("outcome")).isEqualTo("REFUSED_BY_PREFLIGHT");
                    assertThat(r.get("ob_text")).contains("Refused to drop tenant mysql_tenant");
                });
    }

    @Test
    void aTenantWithTheScratchNameButAnotherIdIsNotDroppedEither() {
        policy();
        long run = runNow();
        String scratch = "drill_mysql_tenant_" + run;
        driven(run, DrillState.PROVEN);
        // the same run row, rewound to clean up again, while a tenant of that name exists that the run did not create
        as("ada").header("Idempotency-Key", "impostor-" + run).body(Map.of("sourceCluster", "demo", "sourceTenant",
                "mysql_tenant", "targetCluster", "demo", "newTenant", scratch, "newPool", "impostor_pool", "newUnit",
                "impostor_unit")).post("/api/v1/restores").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Demo.clock().advanceSeconds(30);
            return Demo.query("SELECT STATUS FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = '" + scratch + "'").stream()
                    .anyMatch(r -> "NORMAL".equals(r.get("STATUS")));
        });
        control().resetStatements();
        AuditSql.update("UPDATE drill_run SET state = 'CLEANING', ended_at = NULL WHERE id = " + run);

        supervisor().round();

        assertThat(state(run)).isEqualTo(DrillState.FAILED);
        assertThat(received("DROP TENANT")).isEmpty();
        assertThat(drillTenants()).hasSize(1);
    }

    // ---- runs left mid-way

    @Test
    void aRunLeftMidRestoreByADeadInstanceIsTakenOverOnceItsLeaseRunsOutAndFinished() {
        policy();
        long run = runNow();
        assertState(run, roundThenTime(run, 10), DrillState.RESTORING);
        // the instance driving it dies: its lease is another instance's, not renewed
        AuditSql.update("UPDATE drill_run SET lease_owner = 'dead-console', lease_until = NOW(6) + INTERVAL 1 HOUR "
                + "WHERE id = " + run);
        assertThat(supervisor().round()).doesNotContain(run);

        AuditSql.update("UPDATE drill_run SET lease_until = NOW(6) - INTERVAL 1 SECOND WHERE id = " + run);
        assertThat(supervisor().round()).contains(run);
        assertThat(AuditSql.rows("SELECT lease_owner FROM drill_run WHERE id = " + run).get(0).get("lease_owner"))
                .isEqualTo("test-console");

        driven(run, DrillState.PROVEN);
        assertThat(drillTenants()).isEmpty();
        assertThat(drillPools()).isEmpty();
    }

    @Test
    void aRunLeftRestoringPastItsTimeLimitIsCancelledAndLeavesNoScratchTenantOrPool() {
        policy("timeLimit", "PT1M");
        long run = runNow();
        assertState(run, roundThenTime(run, 1), DrillState.RESTORING);
        String scratch = "drill_mysql_tenant_" + run;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Demo.clock().advanceSeconds(1);
            return drillTenants().size() == 1;
        });
        Demo.fleetRead();
        // this instance restarted after the time limit: the run is its own, taken back at once
        AuditSql.update("UPDATE drill_run SET started_at = NOW(6) - INTERVAL 1 HOUR, lease_until = NOW(6) + INTERVAL 1 HOUR "
                + "WHERE id = " + run);

        assertThat(supervisor().round()).contains(run);

        assertThat(state(run)).isEqualTo(DrillState.FAILED);
        assertThat(received("ALTER SYSTEM CANCEL RESTORE")).containsExactly("ALTER SYSTEM CANCEL RESTORE " + scratch);
        assertThat(received("DROP RESOURCE POOL")).containsExactly("DROP RESOURCE POOL drill_" + run + "_pool");
        assertThat(drillTenants()).isEmpty();
        assertThat(drillPools()).isEmpty();
        as("ada").get("/api/v1/drills/demo/mysql_tenant").then().body("[0].failure",
                org.hamcrest.Matchers.containsString("time limit"));
    }
}
