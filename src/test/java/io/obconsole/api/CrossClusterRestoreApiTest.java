package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.obconsole.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restore from destination URIs (a tenant backed up on one cluster, restored on another): the
 * point checked by the target's RESTORE PREVIEW before anything runs, a target without PREVIEW
 * refused, credentials in URIs masked everywhere.
 */
@QuarkusTest
class CrossClusterRestoreApiTest {

    private static final String DATA = Demo.MYSQL_DATA_URI;
    private static final String ARCHIVE = Demo.MYSQL_ARCHIVE_URI;

    @BeforeEach
    @AfterEach
    void fresh() {
        ApiFixture.resetCluster();
        Demo.resetDr();
    }


    private static Map<String, Object> fromUris(String target, String newTenant, String... more) {
        Map<String, Object> body = new HashMap<>(Map.of("sourceDataUri", DATA, "sourceArchiveUri", ARCHIVE,
                "targetCluster", target, "newTenant", newTenant, "pool", newTenant + "_pool"));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    private static Response post(String user, Object body) {
        return as(user).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/restores");
    }

    private static void freePool(String cluster, String pool) {
        Demo.sqlOn(cluster, "root@sys", "CREATE RESOURCE UNIT " + pool + "_unit MAX_CPU = 2, MEMORY_SIZE = '8G'");
        Demo.sqlOn(cluster, "root@sys", "CREATE RESOURCE POOL " + pool + " UNIT = '" + pool + "_unit', UNIT_NUM = 1");
    }

    /** mysql_tenant's latest restorable SCN, as the console computed its window on demo. */
    private static String latestScn() {
        return as("ada").get("/api/v1/clusters/demo/tenants/mysql_tenant/recoverable-window").then().statusCode(200)
                .extract().path("latest.scn");
    }

    private static List<String> received(String prefix) {
        return Demo.dr().statementsReceived().stream().filter(s -> s.startsWith(prefix)).toList();
    }

    @Test
    void aTenantBackedUpOnDemoIsRestoredOnDrAndAppearsInTheFleet() {
        freePool("dr", "copy_pool");
        String scn = latestScn();

        Response answer = post("ada", fromUris("dr", "copy", "untilScn", scn));
        Demo.clock().advanceSeconds(10);
        answer.then().statusCode(202).body("tenant", equalTo("copy"))
                .body("statements", hasItem("ALTER SYSTEM RESTORE copy FROM '" + DATA + "," + ARCHIVE + "' UNTIL SCN=" + scn
                        + " WITH 'pool_list=copy_pool'"));
        // the point was previewed on dr before the RESTORE was sent
        assertThat(Demo.dr().statementsReceived()).containsSubsequence(
                "ALTER SYSTEM RESTORE FROM '" + DATA + "," + ARCHIVE + "' UNTIL SCN=" + scn + " PREVIEW",
                "SHOW RESTORE PREVIEW",
                "ALTER SYSTEM RESTORE copy FROM '" + DATA + "," + ARCHIVE + "' UNTIL SCN=" + scn + " WITH 'pool_list=copy_pool'");

        await().atMost(Duration.ofSeconds(90)).until(() -> RestoreApiTest.statusAfter("copy", 60).equals("SUCCESS"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Demo.fleetRead("dr");
            as("ada").get("/api/v1/clusters/dr/tenants").then().statusCode(200).body("name", hasItem("copy"));
        });
        assertThat(AuditSql.rows("SELECT outcome FROM audit_record WHERE action_name = 'RESTORE' AND cluster_name = 'dr' "
                + "ORDER BY id DESC LIMIT 1")).extracting(r -> r.get("outcome")).containsExactly("ACCEPTED");
    }

    @Test
    void aPointOutsideWhatThePreviewFindsIsRefusedBeforeAnythingRuns() {
        freePool("dr", "late_pool");
        String beyond = String.valueOf(Long.parseLong(latestScn()) + 3_600_000_000_000L);

        post("ada", fromUris("dr", "late", "untilScn", beyond)).then().statusCode(422)
                .body("error", equalTo("POINT_NOT_RESTORABLE"))
                .body("detail", containsString("no enough log, maximum restorable time is"));

        assertThat(received("ALTER SYSTEM RESTORE FROM")).hasSize(1);
        assertThat(received("ALTER SYSTEM RESTORE late")).isEmpty();
        // latest cannot be previewed: refused with the reason, nothing sent
        post("ada", fromUris("dr", "late")).then().statusCode(422).body("detail", containsString("give a time or an SCN"));
        assertThat(received("ALTER SYSTEM RESTORE late")).isEmpty();
    }

    @Test
    void aTargetWithoutPreviewIsRefusedWithItsVersion() {
        freePool("demo", "nopreview_pool");
        Demo.cluster().control().resetStatements();

        post("ada", fromUris("demo", "nopreview", "untilScn", latestScn())).then().statusCode(422)
                .body("error", equalTo("POINT_NOT_RESTORABLE"))
                .body("detail", containsString("runs OceanBase 4.2.1.0, which has no RESTORE PREVIEW"));

        assertThat(Demo.cluster().control().statementsReceived()).noneMatch(s -> s.startsWith("ALTER SYSTEM RESTORE"));
    }

    @Test
    void credentialsInSourceUrisAreMaskedInTheAnswerTheAuditTrailAndTheLog() {
        String secret = "Sup3rSecretKey" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = fromUris("dr", "masked", "untilScn", latestScn());
        body.put("sourceDataUri", "oss://bucket/backup?host=oss.example.com&access_id=AKID&access_key=" + secret);
        body.put("sourceArchiveUri", "oss://bucket/archive?host=oss.example.com&access_id=AKID&access_key=" + secret);
        try (LogCapture log = LogCapture.start()) {
            String answer = post("ada", body).then().statusCode(502).body("obCode", equalTo(9080)).extract().asString();
            String audit = as("ada").get("/api/v1/audit?actor=ada&size=200").then().statusCode(200).extract().asString();
            List<Map<String, String>> records = AuditSql.rows("SELECT * FROM audit_record WHERE action_name = 'RESTORE' "
                    + "AND cluster_name = 'dr' ORDER BY id DESC LIMIT 2");

            assertThat(audit).contains("access_key=***");
            assertThat(records).isNotEmpty();
            assertThat(List.of(answer, audit, records.toString())).noneMatch(text -> text.contains(secret));
            assertThat(log.lines()).noneMatch(line -> line.contains(secret));
        }
        // the cluster itself received the key, which only ObDialect writes
        assertThat(received("ALTER SYSTEM RESTORE FROM")).singleElement().asString().contains(secret);
    }
}
