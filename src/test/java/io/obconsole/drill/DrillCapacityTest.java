package io.obconsole.drill;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.control;
import static io.obconsole.drill.DrillOnDr.drillPools;
import static io.obconsole.drill.DrillOnDr.drillTenants;
import static io.obconsole.drill.DrillOnDr.drillUnits;
import static io.obconsole.drill.DrillOnDr.onDr;
import static io.obconsole.drill.DrillOnDr.policy;
import static io.obconsole.drill.DrillOnDr.receivedOnDr;
import static io.obconsole.drill.DrillOnDr.roundThenTime;
import static io.obconsole.drill.DrillOnDr.runNow;
import static io.obconsole.drill.DrillOnDr.state;
import static io.obconsole.drill.DrillOnDr.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A drill that creates its own unit and pool on the drill cluster {@code dr} is refused by its
 * preflight when dr's servers (GV$OB_SERVERS) have no room for a unit sized like the source's,
 * before anything is sent; with room it runs there.
 */
@QuarkusTest
class DrillCapacityTest {

    @BeforeEach
    void fresh() {
        dropFiller();
        DrillOnDr.fresh();
    }

    @AfterEach
    void putBack() {
        dropFiller();
        DrillOnDr.fresh();
    }

    private static void dropFiller() {
        if (!onDr("SELECT NAME FROM oceanbase.DBA_OB_RESOURCE_POOLS WHERE NAME = 'filler_pool'").isEmpty()) {
            Demo.sqlOn("dr", "root@sys", "DROP RESOURCE POOL filler_pool");
        }
        if (!onDr("SELECT NAME FROM oceanbase.DBA_OB_UNIT_CONFIGS WHERE NAME = 'filler_unit'").isEmpty()) {
            Demo.sqlOn("dr", "root@sys", "DROP RESOURCE UNIT filler_unit");
        }
    }

    /** The fewest CPU any of dr's servers has left for a unit (by MIN_CPU and by MAX_CPU), as GV$OB_SERVERS says. */
    private static double freeCpuOnDr() {
        return onDr("SELECT CPU_CAPACITY, CPU_CAPACITY_MAX, CPU_ASSIGNED, CPU_ASSIGNED_MAX FROM oceanbase.GV$OB_SERVERS")
                .stream().mapToDouble(r -> Math.min(number(r, "CPU_CAPACITY") - number(r, "CPU_ASSIGNED"),
                        number(r, "CPU_CAPACITY_MAX") - number(r, "CPU_ASSIGNED_MAX"))).min().orElseThrow();
    }

    private static double number(Map<String, Object> row, String column) {
        return Double.parseDouble(String.valueOf(row.get(column)));
    }

    @Test
    void aDrillWhoseUnitCannotFitOnTheDrillClusterIsSkippedBeforeAnythingIsSentAndRunsOnceThereIsRoom() {
        policy();
        // another pool takes dr's CPU until 3 are left on every server; mysql_tenant's unit has 4
        double before = freeCpuOnDr();
        long filler = (long) Math.floor(before) - 3;
        assertThat(filler).isGreaterThanOrEqualTo(1);
        Demo.sqlOn("dr", "root@sys", "CREATE RESOURCE UNIT filler_unit MAX_CPU = " + filler + ", MIN_CPU = " + filler
                + ", MEMORY_SIZE = '1G'");
        Demo.sqlOn("dr", "root@sys", "CREATE RESOURCE POOL filler_pool UNIT = 'filler_unit', UNIT_NUM = 1");
        assertThat(freeCpuOnDr()).isEqualTo(before - filler);
        DrillOnDr.dr().resetStatements();
        control().resetStatements();

        long run = runNow();
        supervisor().round();

        assertThat(state(run)).isEqualTo(DrillState.SKIPPED);
        as("otto").get("/api/v1/drills/demo/mysql_tenant").then().statusCode(200)
                .body("[0].id", equalTo((int) run)).body("[0].state", equalTo("SKIPPED"))
                .body("[0].failure", allOf(containsString("The drill cluster dr has no room for a unit like "
                        + "demo/mysql_tenant's (4 CPU, 16 GiB memory, 48 GiB log disk, 1 per zone)"),
                        containsString("lacks CPU (3 CPU free, the unit needs 4 CPU)")));
        assertThat(receivedOnDr("CREATE RESOURCE", "ALTER SYSTEM RESTORE", "SET DECRYPTION")).isEmpty();
        assertThat(control().statementsReceived()).noneMatch(s -> s.startsWith("CREATE RESOURCE")
                || s.startsWith("ALTER SYSTEM RESTORE"));
        assertThat(drillUnits()).isEmpty();
        assertThat(drillPools()).isEmpty();
        assertThat(AuditSql.rows("SELECT outcome, ob_text FROM audit_record WHERE action_name = 'DRILL_PREFLIGHT' "
                + "AND outcome <> 'INTENDED' ORDER BY id DESC LIMIT 1")).singleElement().satisfies(r -> {
                    assertThat(r.get("outcome")).isEqualTo("REFUSED_BY_PREFLIGHT");
                    assertThat(r.get("ob_text")).contains("has no room for a unit like demo/mysql_tenant's");
                });
        // what the preflight read is what OceanBase judges by: the same unit is refused there
        Demo.sqlOn("dr", "root@sys", "CREATE RESOURCE UNIT probe_unit MAX_CPU = 4, MIN_CPU = 4, MEMORY_SIZE = '16G'");
        try {
            assertThatThrownBy(() -> Demo.sqlOn("dr", "root@sys",
                    "CREATE RESOURCE POOL probe_pool UNIT = 'probe_unit', UNIT_NUM = 1"))
                    .hasMessageContaining("CPU resource not enough");
        } finally {
            Demo.sqlOn("dr", "root@sys", "DROP RESOURCE UNIT probe_unit");
        }

        // with the room back, the next run creates its unit and pool on dr, restores there and cleans up
        dropFiller();
        long next = runNow();
        assertThat(roundThenTime(next, 10)).isEqualTo(DrillState.RESTORING);
        assertThat(receivedOnDr("CREATE RESOURCE POOL drill_" + next + "_pool")).hasSize(1);
        await().atMost(Duration.ofSeconds(90)).until(() -> roundThenTime(next, 30).ended());
        assertThat(state(next)).isEqualTo(DrillState.PROVEN);
        assertThat(drillTenants()).isEmpty();
        assertThat(drillPools()).isEmpty();
        assertThat(drillUnits()).isEmpty();
        assertThat(List.of(freeCpuOnDr())).containsExactly(before);
    }
}
