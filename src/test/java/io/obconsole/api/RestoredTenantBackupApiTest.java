package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a restored tenant is a real tenant of its cluster afterwards. Restored, activated, then
 * set up for backup through the console's set-up API (data destination, archive destination,
 * archiving) and backed up through its backup API, the backup completing like any other.
 */
@QuarkusTest
class RestoredTenantBackupApiTest {

    private static final String TENANT = "reborn";
    private static final String SETUP = "/api/v1/clusters/demo/tenants/" + TENANT + "/setup/";

    @BeforeEach
    @AfterEach
    void fresh() {
        // no restored tenant, no free pool or unit left behind (other classes count tenants)
        ApiFixture.resetCluster();
    }

    private static Response put(String path, Object body) {
        return as("ada").header("Idempotency-Key", UUID.randomUUID().toString()).body(body).put(SETUP + path);
    }

    private static String archiveStatus() {
        return as("ada").get(SETUP).then().statusCode(200).extract().path("archive.status");
    }

    @Test
    void aRestoredAndActivatedTenantIsSetUpForBackupAndItsFullBackupCompletes() {
        RestoreApiTest.post("ada", RestoreApiTest.restore(TENANT)).then().statusCode(202);
        Demo.clock().advanceSeconds(10);
        await().atMost(Duration.ofSeconds(90)).until(() -> RestoreApiTest.statusAfter(TENANT, 60).equals("SUCCESS"));
        as("ada").post("/api/v1/clusters/demo/restores/" + TENANT + "/activate").then().statusCode(202)
                .body("roleAfter", equalTo("PRIMARY"));
        Demo.fleetRead();
        as("ada").get("/api/v1/clusters/demo/tenants").then().statusCode(200).body("name", hasItem(TENANT));

        String data = "file:///data/backup/" + TENANT;
        String archive = "file:///data/archive/" + TENANT;
        put("data-backup-dest", Map.of("uri", data)).then().statusCode(200).body("now.dataBackupDest", equalTo(data));
        put("log-archive-dest", Map.of("uri", archive)).then().statusCode(200);
        put("archivelog", Map.of("enabled", true)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Demo.clock().advanceSeconds(5);
            return "DOING".equals(archiveStatus());
        });
        Demo.fleetRead();

        long jobId = as("ada").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(ApiFixture.backup("FULL", TENANT)).post("/api/v1/clusters/demo/backups").then().statusCode(202)
                .body("jobs", hasSize(1)).body("statements", equalTo(List.of("ALTER SYSTEM BACKUP TENANT = " + TENANT)))
                .extract().jsonPath().getLong("jobs[0].jobId");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Demo.clock().advanceSeconds(60);
            Demo.fleetRead();
            as("ada").get("/api/v1/jobs?tenant=" + TENANT + "&status=COMPLETED").then().statusCode(200)
                    .body("jobs.job.jobId", hasItem((int) jobId));
        });

        assertThat(control().statementsReceived()).containsSubsequence(
                "ALTER SYSTEM ACTIVATE STANDBY TENANT = " + TENANT,
                "ALTER SYSTEM SET DATA_BACKUP_DEST = '" + data + "' TENANT = " + TENANT,
                "ALTER SYSTEM ARCHIVELOG TENANT = " + TENANT,
                "ALTER SYSTEM BACKUP TENANT = " + TENANT);
        Object id = Demo.query("SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = '" + TENANT + "'")
                .get(0).get("TENANT_ID");
        assertThat(Demo.query("SELECT STATUS FROM oceanbase.CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = " + id))
                .extracting(r -> r.get("STATUS")).containsExactly("SUCCESS");
    }
}
