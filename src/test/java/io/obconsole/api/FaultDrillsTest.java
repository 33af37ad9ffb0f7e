package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.backup;
import static io.obconsole.api.ApiFixture.backupsReceived;
import static io.obconsole.api.ApiFixture.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.progress.JobEndCatchUp;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.obconsole.testing.FrozenProcess;
import io.obconsole.testing.WebSession;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault drills of issue 14: the cluster cut off, the audit database frozen (SIGSTOP of the
 * real mysqld), the console restarted mid-job, the demo cluster restarted. Each asserts what the
 * person sees, what the audit trail holds, and that the console recovers without a restart.
 */
@QuarkusTest
class FaultDrillsTest {

    /** "Within a few seconds": the refusal of an action while the audit database is frozen. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(8);

    @Inject
    JobEndCatchUp catchUp;

    @Inject
    Scheduler scheduler;

    @Inject
    ProgressPoller poller;

    @ConfigProperty(name = "console.embedded.audit-db.port")
    int auditDbPort;

    @BeforeEach
    void freshCluster() {
        ApiFixture.resetCluster();
    }

    @AfterEach
    void putBack() {
        scheduler.resume(ProgressPoller.TICK);
        control().recover();
        ApiFixture.resetCluster();
    }

    private static Response start(String key, String type) {
        return as("otto").header("Idempotency-Key", key).body(backup(type, "mysql_tenant"))
                .post("/api/v1/clusters/demo/backups");
    }

    private static List<Map<String, String>> records(String where) {
        return AuditSql.rows("SELECT * FROM audit_record WHERE " + where + " ORDER BY id");
    }

    private static List<Map<String, String>> jobEnds(long auditId) {
        return records("outcome = 'JOB_ENDED' AND intent_id = " + auditId);
    }

    // ---- the cluster cut off

    @Test
    void clusterUnreachable() {
        control().refuseConnections();
        control().dropAllConnections();
        String key = UUID.randomUUID().toString();
        start(key, "FULL").then().statusCode(503).contentType("application/problem+json")
                .body("error", equalTo("CLUSTER_UNREACHABLE"));
        List<Map<String, String>> intent = records("idempotency_key = '" + key + "'");
        assertThat(intent).hasSize(1);
        assertThat(records("intent_id = " + intent.get(0).get("id"))).extracting(r -> r.get("outcome"))
                .containsExactly("CLUSTER_UNREACHABLE");
        // the API reads the fleet read model: the poller's next round finds the cluster gone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("vera").get("/api/v1/clusters").then().statusCode(200)
                .body("find { it.name == 'demo' }.reachable", equalTo(false)));

        control().recover();
        long auditId = start(UUID.randomUUID().toString(), "FULL").then().statusCode(202).extract().jsonPath()
                .getLong("auditId");
        assertThat(records("intent_id = " + auditId)).extracting(r -> r.get("outcome")).containsExactly("ACCEPTED");
    }

    // ---- the audit database frozen

    @Test
    void auditDatabaseFrozen() {
        as("ada").get("/api/v1/audit").then().statusCode(200);
        String key = UUID.randomUUID().toString();
        WebSession ada = WebSession.signIn("ada");
        try (FrozenProcess frozen = FrozenProcess.mysqldOnPort(auditDbPort)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                long began = System.nanoTime();
                Response refused = start(key, "FULL");
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(REFUSAL_BOUND);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.jsonPath().getString("error")).isEqualTo("AUDIT_UNAVAILABLE");
            }
            as("ada").get("/api/v1/audit").then().statusCode(503).contentType("application/problem+json")
                    .body("error", equalTo("AUDIT_UNAVAILABLE"));
            as("ada").get("/api/v1/audit/verify").then().statusCode(503).contentType("application/problem+json")
                    .body("error", equalTo("AUDIT_UNAVAILABLE"));
            Response page = ada.get("/audit");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.asString()).contains("id=\"audit-unavailable\"").doesNotContain("Exception");
        }
        assertThat(backupsReceived()).isEmpty();

        // thawed: the same console takes actions again, and the refused ones left nothing behind
        await().atMost(Duration.ofSeconds(30)).until(() -> start(UUID.randomUUID().toString(), "FULL").statusCode() == 202);
        assertThat(records("idempotency_key = '" + key + "'")).isEmpty();
        assertThat(ada.get("/audit").statusCode()).isEqualTo(200);
        as("ada").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    // ---- the console restarted mid-job

    @Test
    void consoleRestartedMidJobCatchesUpOnStart() throws Exception {
        // the console "is away": no poll rounds, so no one sees the job end
        scheduler.pause(ProgressPoller.TICK);
        Response started = start(UUID.randomUUID().toString(), "FULL").then().statusCode(202).extract().response();
        long auditId = started.jsonPath().getLong("auditId");
        long jobId = started.jsonPath().getLong("jobs[0].jobId");
        Demo.clock().advanceSeconds(120);
        assertThat(jobEnds(auditId)).isEmpty();

        // what the console runs when it starts again; a second instance doing the same adds nothing
        catchUp.catchUp();
        catchUp.catchUp();
        List<Map<String, String>> ends = jobEnds(auditId);
        assertThat(ends).hasSize(1);
        assertThat(ends.get(0).get("action_params")).contains("\"status\":\"COMPLETED\"");
        // one poll round, as the restarted console's first: the job shows again, ended, and its end stays recorded once
        poller.pollNow("demo").get(30, TimeUnit.SECONDS);
        assertThat(jobEnds(auditId)).hasSize(1);
        as("otto").get("/api/v1/jobs?tenant=mysql_tenant").then().statusCode(200)
                .body("jobs.find { it.job.jobId == " + jobId + " }.job.status", equalTo("COMPLETED"));

        // a job the cluster has forgotten meanwhile (recreated) ends as "outcome unknown"
        long forgotten = start(UUID.randomUUID().toString(), "INCREMENTAL").then().statusCode(202).extract().jsonPath()
                .getLong("auditId");
        try {
            Demo.services().restartDemoCluster(false);
            catchUp.catchUp();
            List<Map<String, String>> unknown = jobEnds(forgotten);
            assertThat(unknown).hasSize(1);
            assertThat(unknown.get(0).get("action_params")).contains("\"status\":\"UNKNOWN\"");
            assertThat(unknown.get(0).get("ob_text")).isEqualTo(JobEndCatchUp.FORGOTTEN);
        } finally {
            Demo.services().restartDemoCluster(false);
        }

        // the poller, back, records neither end a second time
        scheduler.resume(ProgressPoller.TICK);
        Demo.clock().advanceSeconds(5);
        as("vera").get("/api/v1/clusters").then().statusCode(200);
        assertThat(jobEnds(auditId)).hasSize(1);
        assertThat(jobEnds(forgotten)).hasSize(1);
    }

    // ---- the demo cluster restarted

    @Test
    void demoClusterRestartedMidJobKeepsItsJobAndNumbering() {
        Response started = start(UUID.randomUUID().toString(), "FULL").then().statusCode(202).extract().response();
        long auditId = started.jsonPath().getLong("auditId");
        long jobId = started.jsonPath().getLong("jobs[0].jobId");
        Demo.clock().advanceSeconds(10);

        Demo.services().restartDemoCluster(true);
        // the restarted observer carries on from its saved state as its clock moves on
        Demo.clock().advanceSeconds(1);
        // the first reads after the restart may meet connections the old cluster closed: read until the fleet has it
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            Demo.fleetRead();
            as("otto").get("/api/v1/jobs?tenant=mysql_tenant").then().statusCode(200)
                    .body("jobs.find { it.job.jobId == " + jobId + " }.job.status", equalTo("DOING"));
        });
        Demo.clock().advanceSeconds(120);
        await().atMost(Duration.ofSeconds(30)).until(() -> jobEnds(auditId).size() == 1);
        assertThat(jobEnds(auditId).get(0).get("action_params")).contains("\"status\":\"COMPLETED\"");

        long next = start(UUID.randomUUID().toString(), "INCREMENTAL").then().statusCode(202).extract().jsonPath()
                .getLong("jobs[0].jobId");
        assertThat(next).isEqualTo(jobId + 1);
    }
}
