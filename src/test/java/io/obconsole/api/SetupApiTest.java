package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.obconsole.audit.AuditDb;
import io.obconsole.testing.Demo;
import io.obconsole.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's backup set-up through /api/v1: reads, every change and its errors, who may, and masked credentials. */
@QuarkusTest
class SetupApiTest {

    private static final String SETUP = "/api/v1/clusters/demo/tenants/{tenant}/setup";

    @BeforeEach
    void fresh() {
        SetupFixture.restore();
    }

    @AfterEach
    void putBack() {
        SetupFixture.restore();
    }

    private static Response put(String user, String tenant, String path, Object body) {
        return as(user).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .put(SETUP + "/" + path, tenant);
    }

    private static List<String> alterSystemReceived() {
        return control().statementsReceived().stream().filter(s -> s.startsWith("ALTER SYSTEM")).toList();
    }

    private static String uniquePath(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- reading

    @Test
    void readShowsWhatOceanBaseHoldsNow() {
        as("vera").get(SETUP, "analytics").then().statusCode(200)
                .body("dataBackupDest", equalTo("")).body("logArchiveDest", equalTo("file:///data/archive/analytics"))
                .body("archive.status", equalTo("NONE")).body("recoveryWindow", nullValue());
        control().setDeletePolicy("mysql_tenant", "7d");
        as("otto").get(SETUP, "mysql_tenant").then().statusCode(200)
                .body("dataBackupDest", equalTo("file:///data/backup/mysql_tenant"))
                .body("archive.status", equalTo("DOING")).body("recoveryWindow", equalTo("7d"));
    }

    @Test
    void aTenantOutOfScopeIsNotRead() {
        as("otto").get(SETUP, "analytics").then().statusCode(403).body("error", equalTo("FORBIDDEN"));
        as("vera").get(SETUP, "nope").then().statusCode(404).body("error", equalTo("UNKNOWN_TENANT"));
        as("vera").get("/api/v1/clusters/elsewhere/tenants/analytics/setup").then().statusCode(404);
    }

    // ---- who may change it

    @Test
    void operatorsAndViewersChangeNothingEvenInScope() {
        for (String user : List.of("otto", "vera")) {
            put(user, "mysql_tenant", "data-backup-dest", Map.of("uri", "file:///data/backup/x")).then().statusCode(403);
            put(user, "mysql_tenant", "log-archive-dest", Map.of("uri", "file:///data/archive/x")).then().statusCode(403);
            put(user, "mysql_tenant", "archivelog", Map.of("enabled", false)).then().statusCode(403);
            put(user, "mysql_tenant", "delete-policy", Map.of("recoveryWindow", "7d")).then().statusCode(403);
            as(user).delete(SETUP + "/delete-policy", "mysql_tenant").then().statusCode(403)
                    .body("error", equalTo("FORBIDDEN"));
            as(user).body(Map.of("action", "NOARCHIVELOG")).post(SETUP + "/plan", "mysql_tenant").then().statusCode(403);
        }
        assertThat(alterSystemReceived()).isEmpty();
        as("vera").get(SETUP, "mysql_tenant").then().body("archive.status", equalTo("DOING"));
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        io.restassured.RestAssured.given().get(SETUP, "analytics").then().statusCode(401);
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("enabled", true))
                .put(SETUP + "/archivelog", "analytics").then().statusCode(401);
        assertThat(alterSystemReceived()).isEmpty();
    }

    // ---- the changes

    @Test
    void adminSetsTheDestinationAndStartsArchivingWhichGoesBeginningThenDoing() {
        String dest = uniquePath("file:///data/backup/analytics");
        put("ada", "analytics", "data-backup-dest", Map.of("uri", dest)).then().statusCode(200)
                .body("before", equalTo("none")).body("after", equalTo(dest))
                .body("statements", contains("ALTER SYSTEM SET DATA_BACKUP_DEST = '" + dest + "' TENANT = analytics"))
                .body("now.dataBackupDest", equalTo(dest));
        put("ada", "analytics", "archivelog", Map.of("enabled", true)).then().statusCode(200)
                .body("statements", contains("ALTER SYSTEM ARCHIVELOG TENANT = analytics"))
                .body("now.archive.status", equalTo("BEGINNING"));
        assertThat(alterSystemReceived()).containsExactly(
                "ALTER SYSTEM SET DATA_BACKUP_DEST = '" + dest + "' TENANT = analytics",
                "ALTER SYSTEM ARCHIVELOG TENANT = analytics");
        Demo.clock().advanceSeconds(5);
        as("ada").get(SETUP, "analytics").then().body("archive.status", equalTo("DOING"));
        as("ada").get("/api/v1/audit?actor=ada&tenant=analytics&action=SETUP_DATA_BACKUP_DEST").then().statusCode(200)
                .body("records.find { it.outcome == 'INTENDED' }.parameters.before", equalTo("none"))
                .body("records.find { it.outcome == 'INTENDED' }.parameters.after", equalTo(dest))
                .body("records.find { it.outcome == 'ACCEPTED' }.statements",
                        hasItem("ALTER SYSTEM SET DATA_BACKUP_DEST = '" + dest + "' TENANT = analytics"));
    }

    @Test
    void adminSetsTheArchiveDestinationWhileArchivingIsStopped() {
        String dest = uniquePath("file:///data/archive/analytics");
        put("ada", "analytics", "log-archive-dest", Map.of("uri", dest)).then().statusCode(200)
                .body("before", equalTo("file:///data/archive/analytics")).body("after", equalTo(dest))
                .body("statements", contains("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=" + dest + "' TENANT = analytics"))
                .body("now.logArchiveDest", equalTo(dest));
    }

    @Test
    void stoppingArchivingSaysWhatItMeansAndGoesStoppingThenStop() {
        as("ada").body(Map.of("action", "NOARCHIVELOG")).post(SETUP + "/plan", "oracle_tenant").then().statusCode(200)
                .body("before", equalTo("DOING")).body("after", equalTo("STOP"))
                .body("warnings[0]", containsString("Point-in-time recovery of oracle_tenant stops"))
                .body("warnings[1]", containsString("New backups of oracle_tenant will be refused"));
        assertThat(alterSystemReceived()).isEmpty();
        put("ada", "oracle_tenant", "archivelog", Map.of("enabled", false)).then().statusCode(200)
                .body("now.archive.status", equalTo("STOPPING"));
        Demo.clock().advanceSeconds(3);
        as("vera").get(SETUP, "oracle_tenant").then().body("archive.status", equalTo("STOP"));
    }

    @Test
    void deletePolicyIsAddedChangedAsDropAndAddThenDropped() {
        put("ada", "mysql_tenant", "delete-policy", Map.of("recoveryWindow", "7")).then().statusCode(200)
                .body("statements", contains(
                        "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d' TENANT = mysql_tenant"));
        put("ada", "mysql_tenant", "delete-policy", Map.of("recoveryWindow", "14d")).then().statusCode(200)
                .body("before", equalTo("7d")).body("after", equalTo("14d"))
                .body("statements", contains("ALTER SYSTEM DROP DELETE BACKUP POLICY 'default' TENANT = mysql_tenant",
                        "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '14d' TENANT = mysql_tenant"));
        assertThat(Demo.query("SELECT RECOVERY_WINDOW FROM oceanbase.CDB_OB_BACKUP_DELETE_POLICY WHERE TENANT_ID = 1002"))
                .containsExactly(Map.of("RECOVERY_WINDOW", "14d"));
        as("ada").delete(SETUP + "/delete-policy", "mysql_tenant").then().statusCode(200).body("now.recoveryWindow", nullValue());
        as("ada").delete(SETUP + "/delete-policy", "mysql_tenant").then().statusCode(409)
                .body("error", equalTo("SETUP_REFUSED")).body("detail", containsString("no delete policy"));
    }

    // ---- errors

    @Test
    void aDirectoryWithOtherFilesIs9080WithItsExplanationAndAudited() {
        put("ada", "analytics", "data-backup-dest", Map.of("uri", "file:///data/shared")).then().statusCode(502)
                .body("error", equalTo("OCEANBASE_ERROR")).body("obCode", equalTo(9080))
                .body("obText", equalTo("the format file does not exist under the destination"))
                .body("explanation", containsString("files that OceanBase did not write"));
        as("ada").get("/api/v1/audit?actor=ada&outcome=REJECTED_BY_OCEANBASE&action=SETUP_DATA_BACKUP_DEST").then()
                .body("records[0].obCode", equalTo(9080));
        as("vera").get(SETUP, "analytics").then().body("dataBackupDest", equalTo(""));
    }

    @Test
    void anotherTenantsDestinationIs9081() {
        put("ada", "analytics", "data-backup-dest", Map.of("uri", "file:///data/backup/mysql_tenant")).then()
                .statusCode(502).body("obCode", equalTo(9081)).body("nextStep", containsString("own"));
    }

    @Test
    void startingArchivingTwiceIs9091() {
        put("ada", "mysql_tenant", "archivelog", Map.of("enabled", true)).then().statusCode(502)
                .body("obCode", equalTo(9091)).body("obText", equalTo("Already in ARCHIVELOG mode"));
    }

    @Test
    void badDestinationsAreRefusedBeforeAnythingIsSent() {
        put("ada", "analytics", "data-backup-dest", Map.of("uri", "ftp://host/backup")).then().statusCode(400)
                .body("detail", containsString("file://, oss://, cos:// or s3://"));
        put("ada", "analytics", "data-backup-dest", Map.of("uri", "oss://bucket/x?access_id=a&access_key=Zz9Secret"))
                .then().statusCode(400).body("detail", containsString("host="))
                .body(org.hamcrest.Matchers.not(containsString("Zz9Secret")));
        put("ada", "analytics", "data-backup-dest", Map.of("uri", "file:///x' TENANT = sys; --")).then().statusCode(400);
        put("ada", "analytics", "delete-policy", Map.of("recoveryWindow", "a week")).then().statusCode(400);
        assertThat(alterSystemReceived()).isEmpty();
    }

    @Test
    void archivingNeedsAnArchiveDestinationAndItsDestinationChangesOnlyWhileStopped() {
        control().setLogArchiveDest("analytics", "");
        put("ada", "analytics", "archivelog", Map.of("enabled", true)).then().statusCode(409)
                .body("error", equalTo("SETUP_REFUSED")).body("detail", containsString("No log archive destination"));
        put("ada", "mysql_tenant", "log-archive-dest", Map.of("uri", "file:///data/archive/m2")).then().statusCode(409)
                .body("detail", containsString("Stop archiving first"));
        assertThat(alterSystemReceived()).isEmpty();
        as("ada").get("/api/v1/audit?actor=ada&outcome=REFUSED_BY_PREFLIGHT&action=SETUP_ARCHIVELOG").then()
                .body("records[0].obText", containsString("No log archive destination"));
    }

    @Test
    void aRepeatedSubmitRunsOnce() {
        String key = UUID.randomUUID().toString();
        as("ada").header("Idempotency-Key", key).body(Map.of("recoveryWindow", "7d"))
                .put(SETUP + "/delete-policy", "analytics").then().statusCode(200);
        as("ada").header("Idempotency-Key", key).body(Map.of("recoveryWindow", "7d"))
                .put(SETUP + "/delete-policy", "analytics").then().statusCode(409).body("error", equalTo("DUPLICATE_SUBMIT"));
        assertThat(alterSystemReceived()).hasSize(1);
    }

    // ---- credentials

    @Test
    void anAccessKeyReachesTheClusterAndNothingElse() throws Exception {
        String secret = "Sk" + UUID.randomUUID().toString().replace("-", "");
        String bucket = uniquePath("oss://backups/analytics");
        String uri = bucket + "?host=oss-cn-hangzhou.aliyuncs.com&access_id=AKID42&access_key=" + secret;
        try (LogCapture log = LogCapture.start()) {
            String planned = as("ada").body(Map.of("action", "DATA_BACKUP_DEST", "value", uri))
                    .post(SETUP + "/plan", "analytics").then().statusCode(200)
                    .body("after", equalTo(bucket + "?host=oss-cn-hangzhou.aliyuncs.com&access_id=AKID42&access_key=***"))
                    .extract().asString();
            String applied = put("ada", "analytics", "data-backup-dest", Map.of("uri", uri)).then().statusCode(200)
                    .body("statements[0]", equalTo("ALTER SYSTEM SET DATA_BACKUP_DEST = '" + bucket
                            + "?host=oss-cn-hangzhou.aliyuncs.com&access_id=AKID42&access_key=***' TENANT = analytics"))
                    .extract().asString();
            String read = as("vera").get(SETUP, "analytics").then().statusCode(200)
                    .body("dataBackupDest", containsString("encrypt_key=***")).extract().asString();
            String refused = put("ada", "analytics", "data-backup-dest", Map.of("uri", "file:///data/shared?access_key="
                    + secret)).then().statusCode(400).extract().asString();
            String audit = as("ada").get("/api/v1/audit?actor=ada&size=200").then().statusCode(200).extract().asString();
            String csv = as("ada").accept("text/csv").get("/api/v1/audit?actor=ada").then().statusCode(200).extract()
                    .asString();
            assertThat(List.of(planned, applied, read, refused, audit, csv)).noneMatch(text -> text.contains(secret));
            assertThat(audit).contains("access_key=***");
            assertThat(AuditDb.cellsContaining(secret)).isEmpty();
            assertThat(log.lines()).anyMatch(line -> line.contains("DATA_BACKUP_DEST"))
                    .noneMatch(line -> line.contains(secret));
            // the one place the key must reach: the cluster
            assertThat(control().statementsReceived()).anyMatch(sql -> sql.contains("access_key=" + secret));
        }
    }
}
