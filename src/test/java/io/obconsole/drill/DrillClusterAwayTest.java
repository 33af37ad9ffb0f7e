package io.obconsole.drill;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.drill.DrillOnDr.dr;
import static io.obconsole.drill.DrillOnDr.drillPools;
import static io.obconsole.drill.DrillOnDr.drillTenants;
import static io.obconsole.drill.DrillOnDr.drillUnits;
import static io.obconsole.drill.DrillOnDr.fleetSeesDrAnswering;
import static io.obconsole.drill.DrillOnDr.policy;
import static io.obconsole.drill.DrillOnDr.readDr;
import static io.obconsole.drill.DrillOnDr.receivedOnDr;
import static io.obconsole.drill.DrillOnDr.roundThenTime;
import static io.obconsole.drill.DrillOnDr.runNow;
import static io.obconsole.drill.DrillOnDr.state;
import static io.obconsole.drill.DrillOnDr.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's fault control takes the drill cluster {@code dr} away ({@code CALL demo.unreachable})
 * while a drill restores there: the run neither hangs nor loses track. While dr is away the run
 * says so; once dr is back the drill is finished, or, past its time limit, cleaned up.
 */
@QuarkusTest
class DrillClusterAwayTest {

    private static final String RUNS = "/api/v1/drills/demo/mysql_tenant";

    @BeforeEach
    @AfterEach
    void fresh() {
        DrillOnDr.fresh();
    }

    /** A run restoring on dr, its scratch tenant seen by the fleet; its id. */
    private static long restoringOnDr(String... policy) {
        policy(policy);
        long run = runNow();
        assertThat(roundThenTime(run, 1)).isEqualTo(DrillState.RESTORING);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Demo.clock().advanceSeconds(1);
            return drillTenants().size() == 1;
        });
        readDr();
        supervisor().round();
        assertThat(state(run)).isEqualTo(DrillState.RESTORING);
        return run;
    }

    /** dr goes away by the demo's own fault control, until it is told to come back. */
    private static void takeDrAway() {
        Demo.sqlOn("dr", "root@sys", "CALL demo.unreachable(600)");
        await().atMost(Duration.ofSeconds(60)).until(() -> !readDr() && !fleetSeesDrAnswering());
    }

    private static void bringDrBack() {
        dr().recover();
        await().atMost(Duration.ofSeconds(60)).until(DrillOnDr::readDr);
    }

    /** The outcomes of the cleanups of that scratch tenant on the audit trail. */
    private static java.util.List<String> cleanups(String scratch) {
        return AuditSql.rows("SELECT outcome FROM audit_record WHERE action_name = 'DRILL_CLEANUP' AND outcome <> "
                + "'INTENDED' AND cluster_name = 'dr' AND tenants LIKE '%" + scratch + "%' ORDER BY id").stream()
                .map(r -> r.get("outcome")).toList();
    }

    @Test
    void aDrillWhoseDrillClusterGoesAwayMidRestoreSaysSoWhileItIsAwayAndIsProvenOnceItIsBack() {
        long run = restoringOnDr();
        takeDrAway();

        assertThat(supervisor().round()).contains(run);
        assertThat(state(run)).isEqualTo(DrillState.RESTORING);
        as("vera").get(RUNS).then().statusCode(200).body("[0].id", equalTo((int) run))
                .body("[0].state", equalTo("RESTORING"))
                .body("[0].waiting", startsWith("The drill cluster dr does not answer since "))
                .body("[0].waiting", containsString("the drill waits for it"));
        assertThat(WebSession.signIn("vera").open("/clusters/demo/tenants/mysql_tenant").asString())
                .contains("The drill cluster dr does not answer since ");
        // the restore goes on over there meanwhile; rounds return and the run stays as it was
        Demo.clock().advanceSeconds(600);
        assertThat(supervisor().round()).contains(run);
        assertThat(state(run)).isEqualTo(DrillState.RESTORING);

        bringDrBack();
        await().atMost(Duration.ofSeconds(90)).until(() -> roundThenTime(run, 30).ended());

        assertThat(state(run)).isEqualTo(DrillState.PROVEN);
        as("vera").get(RUNS).then().body("[0].state", equalTo("PROVEN")).body("[0].waiting", nullValue())
                .body("[0].failure", nullValue());
        assertThat(drillTenants()).isEmpty();
        assertThat(drillPools()).isEmpty();
        assertThat(drillUnits()).isEmpty();
    }

    @Test
    void aDrillThatRunsPastItsTimeLimitWhileItsDrillClusterIsAwayIsCleanedUpOnceItIsBack() {
        long run = restoringOnDr("timeLimit", "PT1M");
        String scratch = "drill_mysql_tenant_" + run;
        takeDrAway();
        AuditSql.update("UPDATE drill_run SET started_at = NOW(6) - INTERVAL 1 HOUR WHERE id = " + run);

        assertThat(supervisor().round()).contains(run);
        assertThat(supervisor().round()).contains(run);

        // the verdict is known, the cleanup waits for dr (and is not tried, nor audited, round after round)
        assertThat(state(run)).isEqualTo(DrillState.CLEANING);
        as("ada").get(RUNS).then().body("[0].state", equalTo("CLEANING"))
                .body("[0].failure", containsString("time limit"))
                .body("[0].waiting", startsWith("The drill cluster dr does not answer since "))
                .body("[0].waiting", containsString("the scratch tenant " + scratch + " and the drill's pool drill_"
                        + run + "_pool are dropped once it answers"));
        assertThat(cleanups(scratch)).isEmpty();

        dr().resetStatements();
        bringDrBack();
        await().atMost(Duration.ofSeconds(60)).until(() -> roundThenTime(run, 0).ended());

        assertThat(state(run)).isEqualTo(DrillState.FAILED);
        assertThat(receivedOnDr("ALTER SYSTEM CANCEL RESTORE", "DROP TENANT")).containsExactly(
                "ALTER SYSTEM CANCEL RESTORE " + scratch);
        assertThat(receivedOnDr("DROP RESOURCE")).containsExactly("DROP RESOURCE POOL drill_" + run + "_pool",
                "DROP RESOURCE UNIT drill_" + run + "_unit");
        assertThat(drillTenants()).isEmpty();
        assertThat(drillPools()).isEmpty();
        assertThat(drillUnits()).isEmpty();
        as("ada").get(RUNS).then().body("[0].state", equalTo("FAILED")).body("[0].waiting", nullValue());
        assertThat(cleanups(scratch)).containsExactly("ACCEPTED");
    }
}
