package io.obconsole.drill;

import static io.obconsole.api.ApiFixture.as;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.api.ApiFixture;
import io.obconsole.demo.DemoControl;
import io.obconsole.fleet.Fleet;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.quarkus.arc.Arc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drills of demo/mysql_tenant into the demo fleet's drill cluster {@code dr}, driven round by round
 * as the supervisor would, with the fleet reading dr between rounds (the shared backup storage
 * lets dr restore what demo backed up).
 */
final class DrillOnDr {

    static final String POLICY = "/api/v1/drill-policies/demo/mysql_tenant";

    private DrillOnDr() {
    }

    static DemoControl dr() {
        return Demo.dr();
    }

    /** Both clusters as their scenarios start, no drill policy of mysql_tenant, no drill run. */
    static void fresh() {
        dr().recover();
        dr().forgetRestores();
        ApiFixture.resetCluster();
        // classes before may have made an encrypted set its newest: these drills give no password
        Demo.freshFullBackup("mysql_tenant");
        as("ada").delete(POLICY);
        AuditSql.update("DELETE FROM drill_run");
        readDr();
        dr().resetStatements();
    }

    static void policy(String... more) {
        Map<String, Object> body = new HashMap<>(Map.of("schedule", Map.of("days", List.of("SUN"), "time", "04:00"),
                "timeZone", "UTC", "drillCluster", "dr", "point", "LATEST", "timeLimit", "PT30M"));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        as("ada").body(body).put(POLICY).then().statusCode(200);
    }

    static long runNow() {
        return as("ada").post(POLICY + "/run").then().statusCode(202).body("[0].state", equalTo("PENDING"))
                .extract().jsonPath().getLong("[0].id");
    }

    static DrillSupervisor supervisor() {
        return Arc.container().instance(DrillSupervisor.class).get();
    }

    /** The fleet read model reads dr now; false if dr did not answer. */
    static boolean readDr() {
        try {
            Arc.container().instance(ProgressPoller.class).get().refreshNow("dr").get(60, TimeUnit.SECONDS);
            return Arc.container().instance(Fleet.class).get().cluster("dr").reachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            return false;
        }
    }

    static boolean fleetSeesDrAnswering() {
        return Arc.container().instance(Fleet.class).get().cluster("dr").reachable();
    }

    /** One round, then demo time moves on and the fleet reads dr: the run's state after. */
    static DrillState roundThenTime(long run, int seconds) {
        supervisor().round();
        Demo.clock().advanceSeconds(seconds);
        readDr();
        return state(run);
    }

    static DrillState state(long run) {
        return DrillState.valueOf(AuditSql.rows("SELECT state FROM drill_run WHERE id = " + run).get(0).get("state"));
    }

    static List<Map<String, Object>> onDr(String sql) {
        return Demo.queryOn("dr", "root@sys", sql);
    }

    static List<Map<String, Object>> drillTenants() {
        return onDr("SELECT TENANT_NAME FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME LIKE 'drill%'");
    }

    static List<Map<String, Object>> drillPools() {
        return onDr("SELECT NAME FROM oceanbase.DBA_OB_RESOURCE_POOLS WHERE NAME LIKE 'drill%'");
    }

    static List<Map<String, Object>> drillUnits() {
        return onDr("SELECT NAME FROM oceanbase.DBA_OB_UNIT_CONFIGS WHERE NAME LIKE 'drill%'");
    }

    /** What dr received that starts with one of the prefixes. */
    static List<String> receivedOnDr(String... prefixes) {
        return dr().statementsReceived().stream().filter(s -> List.of(prefixes).stream().anyMatch(s::startsWith)).toList();
    }
}
