package io.obconsole.alert;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.fleet.ClusterRound.JobChange;
import io.obconsole.fleet.ClusterRound.JobEvent;
import io.obconsole.fleet.ClusterRound.Seen;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.ProgressTrack;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.Demo;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's first read of a cluster lists the jobs that ended before it (issue 20, point 1): a
 * failed one raises JOB_FAILED only if this console started it (it failed while the console was
 * away); a failure of someone else's job from before the first read is history. A failure a round
 * saw happen always raises it.
 */
@QuarkusTest
class FailuresAtFirstReadTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Scheduler scheduler;

    @Inject
    ClusterGateway gateway;

    @Inject
    Event<ClusterRound> rounds;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void noRoundButTheTests() {
        Demo.reset();
        // no scheduled round may see the jobs below end: the test hands over what a first read would find
        scheduler.pause(ProgressPoller.TICK);
    }

    @AfterEach
    void roundsAgain() {
        scheduler.resume(ProgressPoller.TICK);
    }

    @Test
    void aFailureTheFirstReadFindsRaisesAnAlertOnlyForAJobThisConsoleStarted() {
        // started through the console: its start is on the audit trail
        Demo.cluster().control().failNextJob("mysql_tenant", -9070, "can not connect to backup destination");
        long mine = as("otto").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "FULL", "tenants", List.of("mysql_tenant"))).post("/api/v1/clusters/demo/backups")
                .then().statusCode(202).extract().jsonPath().getLong("jobs[0].jobId");
        Demo.clock().advanceSeconds(120);
        // started at a terminal, outside the console, once the cluster's backup above has ended
        Demo.cluster().control().failNextJob("oracle_tenant", -9070, "can not connect to backup destination");
        Demo.sql("ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        long oracle = number(Demo.query("SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = 'oracle_tenant'"),
                "TENANT_ID");
        long theirs = number(Demo.query("SELECT JOB_ID FROM oceanbase.CDB_OB_BACKUP_JOBS WHERE TENANT_ID = " + oracle), "JOB_ID");
        Demo.clock().advanceSeconds(120);

        FleetJob elsewhere = endedJob(oracle, theirs);
        FleetJob ours = endedJob(1002, mine);
        assertThat(List.of(elsewhere.status(), ours.status())).allMatch(io.obconsole.fleet.JobStatus.FAILED::equals);

        // as the first read of the cluster hands them on: theirs first, so that by the time ours is stored, theirs was judged
        rounds.fire(new ClusterRound("demo", null, List.of(ended(elsewhere, Seen.FIRST_READ), ended(ours, Seen.FIRST_READ)),
                List.of(), ClusterRound.Reach.STEADY));
        await().atMost(WAIT).until(() -> failedAlerts(ours) == 1);
        assertThat(failedAlerts(elsewhere)).as("someone else's failure from before the first read is history").isZero();

        // the same failure seen by a round of a cluster the console watched: news, whoever started the job
        rounds.fire(new ClusterRound("demo", null, List.of(ended(elsewhere, Seen.WATCHED)), List.of(), ClusterRound.Reach.STEADY));
        await().atMost(WAIT).until(() -> failedAlerts(elsewhere) == 1);
        assertThat(failedAlerts(ours)).as("one alert per job, however often its end is handed on").isEqualTo(1);
    }

    private FleetJob endedJob(long tenantId, long jobId) {
        BackupJob row = gateway.jobsWithId("demo", tenantId, jobId).get(0);
        return ProgressTrack.ended("demo", row);
    }

    private static long number(List<Map<String, Object>> rows, String column) {
        assertThat(rows).hasSize(1);
        return Long.parseLong(String.valueOf(rows.get(0).get(column)));
    }

    private static JobChange ended(FleetJob job, Seen seen) {
        return new JobChange(JobEvent.ENDED, job, null, seen);
    }

    private long failedAlerts(FleetJob job) {
        return AlertFixture.number(db, "SELECT COUNT(*) FROM alert_event WHERE kind = 'JOB_FAILED' AND cluster_name = 'demo' "
                + "AND tenant_name = '" + job.tenant() + "' AND summary LIKE '% backup job " + job.job().jobId() + " of %'");
    }
}
