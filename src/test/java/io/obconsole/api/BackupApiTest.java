package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.backup;
import static io.obconsole.api.ApiFixture.backupsReceived;
import static io.obconsole.api.ApiFixture.control;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting and cancelling backups through /api/v1 with real tokens, the real audit database and the demo cluster. */
@QuarkusTest
class BackupApiTest {

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

    // ---- sign-in and reads

    @Test
    void withoutATokenTheApiAnswers401() {
        given().get("/api/v1/clusters").then().statusCode(401);
        given().contentType("application/json").body(backup("FULL", "mysql_tenant"))
                .post("/api/v1/clusters/demo/backups").then().statusCode(401);
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void clustersShowTheDemoClusterReachable() {
        as("vera").get("/api/v1/clusters").then().statusCode(200)
                .body("name", hasItem("demo")).body("find { it.name == 'demo' }.reachable", equalTo(true))
                .body("find { it.name == 'demo' }.version", equalTo("4.2.1.0"))
                .body("find { it.name == 'demo' }.tenants", equalTo(3));
    }

    @Test
    void tenantsCarryTheirBackupStateAndOnlyThoseInScope() {
        as("vera").get("/api/v1/clusters/demo/tenants").then().statusCode(200)
                .body("name", hasItems("mysql_tenant", "oracle_tenant", "analytics"))
                .body("find { it.name == 'mysql_tenant' }.archiveStatus", equalTo("DOING"))
                .body("find { it.name == 'mysql_tenant' }.lastFull.ageSeconds", greaterThan(0))
                .body("find { it.name == 'analytics' }.archiveStatus", not(equalTo("DOING")))
                .body("find { it.name == 'oracle_tenant' }.mode", equalTo("ORACLE"));
        as("otto").get("/api/v1/clusters/demo/tenants").then().statusCode(200).body("name", equalTo(List.of("mysql_tenant")));
    }

    @Test
    void unknownClusterIs404() {
        as("ada").get("/api/v1/clusters/nope/tenants").then().statusCode(404).body("error", equalTo("UNKNOWN_CLUSTER"));
        as("ada").body(backup("FULL", "mysql_tenant")).post("/api/v1/clusters/nope/backups").then().statusCode(404);
    }

    // ---- starting

    @Test
    void fullBackupReturnsItsJobIdAndTheClusterReceivedTheStatement() {
        long jobId = start("otto", backup("FULL", "mysql_tenant")).then().statusCode(202)
                .body("jobs", hasSize(1))
                .body("jobs[0].tenant", equalTo("mysql_tenant"))
                .body("statements", equalTo(List.of("ALTER SYSTEM BACKUP TENANT = mysql_tenant")))
                .extract().jsonPath().getLong("jobs[0].jobId");
        assertThat(backupsReceived()).containsExactly("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        // the id is the cluster's own: its newest job of mysql_tenant
        assertThat(Demo.query("SELECT JOB_ID FROM oceanbase.CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1002 ORDER BY JOB_ID DESC LIMIT 1"))
                .extracting(row -> String.valueOf(row.get("JOB_ID"))).containsExactly(String.valueOf(jobId));
        as("otto").get("/api/v1/jobs?tenant=mysql_tenant&status=INIT").then().statusCode(200)
                .body("jobs", hasSize(1)).body("jobs[0].cluster", equalTo("demo"));
    }

    @Test
    void concurrencyIsSetFirstAndThePreviousValueShown() {
        control().setThreadScore("mysql_tenant", 3);
        Map<String, Object> body = new HashMap<>(backup("FULL", "mysql_tenant"));
        body.put("concurrency", 20);
        start("otto", body).then().statusCode(202).body("previousConcurrency.mysql_tenant", equalTo(3));
        assertThat(control().statementsReceived()).filteredOn(s -> s.startsWith("ALTER")).containsExactly(
                "ALTER SYSTEM SET ha_low_thread_score = 20 TENANT = mysql_tenant", "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
    }

    @Test
    void badInputIs400AndNothingIsSent() {
        Map<String, Object> body = new HashMap<>(backup("FULL", "mysql_tenant"));
        body.put("concurrency", 101);
        start("ada", body).then().statusCode(400).body("error", equalTo("INVALID_REQUEST"))
                .body("detail", containsString("0 to 100"));
        start("ada", backup("FULL", "mysql_tenant; DROP DATABASE oceanbase")).then().statusCode(400)
                .body("error", equalTo("INVALID_NAME"));
        start("ada", backup("FULL", "`mysql_tenant`")).then().statusCode(400);
        start("ada", backup("SNAPSHOT", "mysql_tenant")).then().statusCode(400);
        start("ada", backup("FULL", "payroll")).then().statusCode(404).body("error", equalTo("UNKNOWN_TENANT"));
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void descriptionWithQuotesAndStatementsArrivesAsOneLiteral() {
        String nasty = "Bobby'); DROP TABLE t; -- `x` \\ /*";
        Map<String, Object> body = new HashMap<>(backup("FULL", "mysql_tenant"));
        body.put("description", nasty);
        start("otto", body).then().statusCode(202);
        assertThat(backupsReceived()).containsExactly(
                "ALTER SYSTEM BACKUP TENANT = mysql_tenant DESCRIPTION = 'Bobby''); DROP TABLE t; -- `x` \\\\ /*'");
        as("otto").get("/api/v1/jobs?tenant=mysql_tenant&status=INIT").then()
                .body("jobs[0].job.description", equalTo(nasty));
    }

    @Test
    void forbiddenIs403AndNothingIsSent() {
        start("vera", backup("FULL", "mysql_tenant")).then().statusCode(403).body("error", equalTo("FORBIDDEN"));
        start("otto", backup("FULL", "oracle_tenant")).then().statusCode(403);
        start("otto", Map.of("type", "FULL", "allTenants", true)).then().statusCode(403);
        as("vera").body(Map.of("allTenants", true)).post("/api/v1/clusters/demo/backups/cancel").then().statusCode(403);
        assertThat(control().statementsReceived()).filteredOn(s -> s.startsWith("ALTER")).isEmpty();
    }

    // ---- preflight paths

    @Test
    void preflightOfATenantWithoutArchiveAndDestListsBothFixes() {
        as("ada").body(backup("FULL", "analytics")).post("/api/v1/clusters/demo/preflight").then().statusCode(200)
                .body("tenants[0].findings.check", equalTo(List.of("ARCHIVE_DOING", "BACKUP_DEST_SET")))
                .body("tenants[0].findings[0].fix", containsString("ALTER SYSTEM ARCHIVELOG TENANT = analytics;"))
                .body("tenants[0].findings[1].fix", containsString("ALTER SYSTEM SET DATA_BACKUP_DEST = '"));
        start("ada", backup("FULL", "analytics")).then().statusCode(422).body("error", equalTo("PREFLIGHT_FAILED"))
                .body("findings.check", hasItems("ARCHIVE_DOING", "BACKUP_DEST_SET"));
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void archiveNotDoingIsRefusedWithTheArchivelogStatement() {
        control().setArchive("oracle_tenant", "INTERRUPTED");
        start("ada", backup("FULL", "oracle_tenant")).then().statusCode(422)
                .body("findings[0].problem", containsString("INTERRUPTED"))
                .body("findings[0].fix", equalTo("ALTER SYSTEM ARCHIVELOG TENANT = oracle_tenant;"));
    }

    @Test
    void tenantNotNormalIsRefused() {
        control().setTenantStatus("oracle_tenant", "RESTORE");
        start("ada", backup("FULL", "oracle_tenant")).then().statusCode(422)
                .body("findings.check", equalTo(List.of("TENANT_NORMAL")));
    }

    @Test
    void incrementalWithoutAFullBackupNeedsAcknowledgement() {
        control().setArchive("analytics", "DOING");
        control().setBackupDest("analytics", "file:///data/backup/analytics");
        try {
            as("ada").body(backup("INCREMENTAL", "analytics")).post("/api/v1/clusters/demo/preflight").then()
                    .body("tenants[0].findings[0].check", equalTo("FULL_BACKUP_EXISTS"))
                    .body("tenants[0].findings[0].blocking", equalTo(false))
                    .body("tenants[0].findings[0].problem", containsString("OceanBase will take a FULL backup instead"));
            start("ada", backup("INCREMENTAL", "analytics")).then().statusCode(422)
                    .body("detail", containsString("acknowledge"));
            assertThat(backupsReceived()).isEmpty();
            Map<String, Object> acknowledged = new HashMap<>(backup("INCREMENTAL", "analytics"));
            acknowledged.put("acknowledgeFullInsteadOfIncremental", true);
            start("ada", acknowledged).then().statusCode(202).body("jobs[0].backupType", equalTo("FULL"))
                    .body("warnings[0]", containsString("FULL backup instead"));
        } finally {
            Demo.clock().advanceSeconds(600);
            control().setArchive("analytics", "STOP");
        }
    }

    @Test
    void backupAlreadyRunningIs409SayingWhoStartedItAndWhen() {
        start("otto", backup("FULL", "mysql_tenant")).then().statusCode(202);
        start("olga", backup("FULL", "mysql_tenant")).then().statusCode(409).body("error", equalTo("ALREADY_RUNNING"))
                .body("detail", containsString("started by otto at"));
        ApiFixture.sql("ALTER SYSTEM CANCEL BACKUP");
        Demo.clock().advanceSeconds(60);
        // one started from sys at a terminal: OceanBase refuses every other backup from sys meanwhile
        ApiFixture.sql("ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        start("olga", backup("FULL", "mysql_tenant")).then().statusCode(409)
                .body("detail", containsString("started outside the console at"));
    }

    @Test
    void allTenantsNamesTheTenantsOceanBaseWillSkip() {
        start("olga", Map.of("type", "FULL", "allTenants", true)).then().statusCode(202)
                .body("statements", equalTo(List.of("ALTER SYSTEM BACKUP DATABASE")))
                .body("jobs.tenant", hasItems("mysql_tenant", "oracle_tenant"))
                .body("skipped.tenant", equalTo(List.of("analytics")))
                .body("skipped[0].findings.check", hasItems("ARCHIVE_DOING", "BACKUP_DEST_SET"));
    }

    @Test
    void allTenantsWhenNoneQualifiesIsRefused() {
        control().setArchive("mysql_tenant", "STOP");
        control().setArchive("oracle_tenant", "STOP");
        start("olga", Map.of("type", "FULL", "allTenants", true)).then().statusCode(422)
                .body("detail", containsString("No tenant of cluster demo can be backed up"));
        assertThat(backupsReceived()).isEmpty();
    }

    // ---- what OceanBase itself answers (the cluster changed between preflight and submit)

    @Test
    void oceanBase9040ArchiveIsShownWithNumberTextAndNextStep() {
        ClusterChangesAfterPreflight.arm(() -> control().setArchive("mysql_tenant", "STOP"));
        start("otto", backup("FULL", "mysql_tenant")).then().statusCode(502)
                .body("error", equalTo("OCEANBASE_ERROR")).body("obCode", equalTo(9040))
                .body("obText", equalTo("backup can not start, because log archive status is not doing."))
                .body("nextStep", containsString("ARCHIVELOG"));
    }

    @Test
    void oceanBase9040BackupDestIsShown() {
        ClusterChangesAfterPreflight.arm(() -> control().setBackupDest("mysql_tenant", ""));
        start("otto", backup("FULL", "mysql_tenant")).then().statusCode(502).body("obCode", equalTo(9040))
                .body("obText", equalTo("backup can not start, because backup dest is not set."))
                .body("nextStep", containsString("DATA_BACKUP_DEST"));
    }

    @Test
    void oceanBase9040TenantNotNormalIsShown() {
        ClusterChangesAfterPreflight.arm(() -> control().setTenantStatus("mysql_tenant", "RESTORE"));
        start("otto", backup("FULL", "mysql_tenant")).then().statusCode(502)
                .body("obText", equalTo("backup can not start, because tenant status is not normal."))
                .body("explanation", containsString("not NORMAL"));
    }

    @Test
    void oceanBase9040NoTenantQualifiesIsShown() {
        ClusterChangesAfterPreflight.arm(() -> {
            control().setArchive("mysql_tenant", "STOP");
            control().setArchive("oracle_tenant", "STOP");
        });
        start("olga", Map.of("type", "FULL", "allTenants", true)).then().statusCode(502)
                .body("obText", containsString("no tenant meets the backup condition"))
                .body("nextStep", containsString("preflight"));
    }

    @Test
    void oceanBase9036IsAlreadyRunningWithWhoStartedIt() {
        start("olga", backup("FULL", "mysql_tenant")).then().statusCode(202);
        Demo.clock().advanceSeconds(600);
        ClusterChangesAfterPreflight.arm(() -> ApiFixture.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant"));
        start("otto", backup("FULL", "mysql_tenant")).then().statusCode(409).body("obCode", equalTo(9036))
                .body("obText", equalTo("Backup is in progress"));
        as("ada").get("/api/v1/audit?outcome=REJECTED_BY_OCEANBASE&actor=otto").then().statusCode(200)
                .body("records[0].obCode", equalTo(9036));
    }

    // ---- encryption, double submit, race

    @Test
    void passwordThenNoPasswordGivesAnUnencryptedSecondJobAndThePasswordIsNowhere() {
        String password = "Corr3ct-H0rse-" + UUID.randomUUID();
        List<String> logLines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logLines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                        + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Map<String, Object> encrypted = new HashMap<>(backup("FULL", "mysql_tenant"));
            encrypted.put("encryptionPassword", password);
            encrypted.put("encryptionPasswordConfirmation", password);
            String first = start("ada", encrypted).then().statusCode(202)
                    .body("jobs[0].encryptionMode", equalTo("PASSWORD"))
                    .body("statements", hasItem("SET ENCRYPTION ON IDENTIFIED BY '***' ONLY")).extract().asString();
            Demo.clock().advanceSeconds(600);
            String second = start("ada", backup("FULL", "mysql_tenant")).then().statusCode(202)
                    .body("jobs[0].encryptionMode", equalTo("NONE")).extract().asString();
            String audit = as("ada").get("/api/v1/audit?actor=ada&size=200").then().statusCode(200).extract().asString();
            String csv = as("ada").accept("text/csv").get("/api/v1/audit?actor=ada").then().statusCode(200).extract().asString();
            assertThat(audit).contains("\"encryptionPassword\":\"set\"");
            assertThat(List.of(first, second, audit, csv)).noneMatch(text -> text.contains(password));
            assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(password));
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void doubleSubmitStartsOneBackup() {
        String key = UUID.randomUUID().toString();
        String first = as("otto").header("Idempotency-Key", key).body(backup("FULL", "mysql_tenant"))
                .post("/api/v1/clusters/demo/backups").then().statusCode(202).extract().asString();
        String again = as("otto").header("Idempotency-Key", key).body(backup("FULL", "mysql_tenant"))
                .post("/api/v1/clusters/demo/backups").then().statusCode(202).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(backupsReceived()).hasSize(1);
        // keys belong to a person: olga's request with otto's key is her own action, not a replay of
        // his (she is not handed his record); it meets his running backup like any other start
        as("olga").header("Idempotency-Key", key).body(backup("FULL", "mysql_tenant"))
                .post("/api/v1/clusters/demo/backups").then().statusCode(409).body("error", equalTo("ALREADY_RUNNING"));
        assertThat(backupsReceived()).hasSize(1);
    }

    @Test
    void twoOperatorsRacingGetOneBackupAndOneClearRefusal() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            as("otto").get("/api/v1/clusters");
            as("olga").get("/api/v1/clusters");
            Callable<Response> otto = () -> start("otto", backup("FULL", "mysql_tenant"));
            Callable<Response> olga = () -> start("olga", backup("FULL", "mysql_tenant"));
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(List.of(otto, olga))) {
                responses.add(f.get());
            }
            assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(202, 409);
            Response refused = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertThat(refused.jsonPath().getString("detail")).containsPattern("already running.*started by (otto|olga) at");
            assertThat(backupsReceived()).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    // ---- cancel, faults

    @Test
    void cancelNamesTheJobAndTheJobGoesCanceling() {
        long jobId = start("otto", backup("FULL", "mysql_tenant")).then().statusCode(202).extract()
                .jsonPath().getLong("jobs[0].jobId");
        as("otto").body(Map.of("tenants", List.of("mysql_tenant"))).post("/api/v1/clusters/demo/backups/cancel").then()
                .statusCode(202).body("canceling[0].jobId", equalTo((int) jobId))
                .body("statements", equalTo(List.of("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant")));
        as("otto").get("/api/v1/jobs?tenant=mysql_tenant&status=CANCELING").then().body("jobs", hasSize(1));
    }

    @Test
    void clusterDownIsAClearErrorAndTheAuditOutcomeIsRecorded() {
        control().refuseConnections();
        start("otto", backup("FULL", "mysql_tenant")).then().statusCode(503).body("error", equalTo("CLUSTER_UNREACHABLE"))
                .body("detail", containsString("unreachable"));
        // the API reads the fleet read model: the poller's next round finds the cluster down
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ada").get("/api/v1/clusters").then().statusCode(200)
                .body("find { it.name == 'demo' }.reachable", equalTo(false))
                .body("find { it.name == 'demo' }.unreachableReason", notNullValue()));
        control().recover();
        as("ada").get("/api/v1/audit?outcome=CLUSTER_UNREACHABLE&actor=otto").then().statusCode(200)
                .body("records[0].obText", notNullValue()).body("records[0].cluster", equalTo("demo"));
    }

    @Test
    void openApiDocumentListsTheEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/clusters", "/api/v1/clusters/{cluster}/tenants",
                        "/api/v1/clusters/{cluster}/preflight", "/api/v1/clusters/{cluster}/backups",
                        "/api/v1/clusters/{cluster}/backups/cancel", "/api/v1/jobs"));
    }
}
