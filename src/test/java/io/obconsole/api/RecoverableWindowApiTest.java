package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.cluster.ClusterGateway;
import io.obconsole.demo.DemoControl;
import io.obconsole.fleet.Fleet;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, the recoverable window in the API: computed in the fleet read model from the backup
 * sets and archive pieces the state round reads (one statement per view for all tenants), served
 * without a statement per read, with the scope rules of the tenant list.
 */
@QuarkusTest
class RecoverableWindowApiTest {

    private static final String WINDOW = "/api/v1/clusters/{cluster}/tenants/{tenant}/recoverable-window";

    @Inject
    ProgressPoller poller;

    @Inject
    Scheduler scheduler;

    @Inject
    Fleet fleet;

    @Inject
    ClusterGateway gateway;

    @Test
    void aTenantWhoseArchiveStoppedBetweenTwoFullSetsIsRestorableInTwoIntervals() throws Exception {
        read("legacy");
        JsonPath erp = window("vera", "legacy", "erp");

        assertThat(erp.getBoolean("restorable")).isTrue();
        List<Map<String, Map<String, String>>> intervals = erp.getList("intervals");
        assertThat(intervals).hasSize(2);
        BigInteger firstEnd = scn(intervals.get(0).get("to"));
        BigInteger secondStart = scn(intervals.get(1).get("from"));
        assertThat(secondStart.subtract(firstEnd)).as("the archive's day-long gap between its rounds")
                .isGreaterThan(BigInteger.valueOf(Duration.ofHours(20).toNanos()));
        assertThat(erp.getString("earliest.scn")).isEqualTo(intervals.get(0).get("from").get("scn"));
        assertThat(erp.getString("latest.scn")).isEqualTo(intervals.get(1).get("to").get("scn"));
        // the UTC instant is the SCN read as nanoseconds since the epoch
        BigInteger latest = new BigInteger(erp.getString("latest.scn"));
        assertThat(Instant.parse(erp.getString("latest.utc"))).isEqualTo(Instant.ofEpochSecond(
                latest.divide(BigInteger.valueOf(1_000_000_000)).longValueExact(),
                latest.mod(BigInteger.valueOf(1_000_000_000)).longValueExact()));
        assertThat(erp.getLong("latestAgeSeconds")).as("archiving runs: the latest point is its checkpoint").isLessThan(60);
        assertThat(erp.getBoolean("needsDecryption")).isFalse();
        assertThat(erp.getString("reason")).isNull();
    }

    @Test
    void aTenantWithAnEncryptedBackupSetNeedsDecryptionToBeRestored() throws Exception {
        read("payroll");
        JsonPath payroll = window("vera", "payroll", "payroll");

        assertThat(payroll.getBoolean("restorable")).isTrue();
        assertThat(payroll.getList("intervals")).hasSize(1);
        assertThat(payroll.getBoolean("needsDecryption")).isTrue();
    }

    @Test
    void aTenantWithoutASuccessfulBackupSetIsNotRestorableAndSaysWhy() {
        // the demo cluster as its scenario starts: oracle_tenant archives but no backup set of it ever succeeded
        Demo.services().restartDemoCluster(false);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            read("demo");
            return fleet.cluster("demo").reachable();
        });
        JsonPath oracle = window("vera", "demo", "oracle_tenant");

        assertThat(oracle.getBoolean("restorable")).isFalse();
        assertThat(oracle.getList("intervals")).isEmpty();
        assertThat(oracle.getString("latest")).isNull();
        assertThat(oracle.getString("unrestorable")).isEqualTo("NO_BACKUP_SET");
        assertThat(oracle.getString("reason")).startsWith("No successful backup set");
    }

    @Test
    void aTenantOutsideTheCallersScopeIsAsUnknownAsOneThatDoesNotExist() throws Exception {
        read("demo");
        // otto sees demo/mysql_tenant only
        as("otto").get(WINDOW, "demo", "mysql_tenant").then().statusCode(200);
        String outside = as("otto").get(WINDOW, "demo", "analytics").then().statusCode(404)
                .body("error", equalTo("UNKNOWN_TENANT")).extract().asString();
        String unknown = as("otto").get(WINDOW, "demo", "no_such_tenant").then().statusCode(404)
                .body("error", equalTo("UNKNOWN_TENANT")).extract().asString();
        assertThat(outside.replace("analytics", "X")).isEqualTo(unknown.replace("no_such_tenant", "X"));
        // a cluster outside the scope answers as one that is not configured, and names nothing of it
        String otherCluster = as("otto").get(WINDOW, "legacy", "erp").then().statusCode(404).extract().asString();
        String noCluster = as("otto").get(WINDOW, "nowhere", "erp").then().statusCode(404).extract().asString();
        assertThat(otherCluster.replace("legacy", "X")).isEqualTo(noCluster.replace("nowhere", "X"));
        as("otto").get(WINDOW, "demo", "x' OR '1'='1").then().statusCode(400).body("error", equalTo("INVALID_NAME"));
    }

    @Test
    void theStateRoundReadsEachViewOnceForAllTenantsAndReadersSendNothing() throws Exception {
        scheduler.pause(ProgressPoller.TICK);
        try {
            poller.pollNow("legacy").get(60, TimeUnit.SECONDS); // a round already under way ends first
            DemoControl legacy = Demo.cluster("legacy").control();
            legacy.resetStatements();
            gateway.state("legacy", 30); // the state round the poller runs
            List<String> round = legacy.statementsReceived().stream().filter(sql -> !sql.startsWith("SELECT @@")).toList();
            assertThat(round).as("one statement per view from sys, whatever the tenants (README)").hasSize(8);
            assertThat(round).filteredOn(sql -> sql.contains("ARCHIVELOG_PIECE_FILES")).hasSize(1);
            assertThat(round).filteredOn(sql -> sql.contains("BACKUP_SET_FILES")).as("all sets of erp and hr at once")
                    .hasSize(1);

            legacy.resetStatements();
            WebSession vera = WebSession.signIn("vera");
            for (int i = 0; i < 3; i++) {
                assertThat(vera.get("/clusters/legacy/tenants/erp").then().statusCode(200).extract().asString())
                        .contains("id=\"recoverable-window\"").contains("Restorable in 2 intervals");
                assertThat(vera.get("/").then().statusCode(200).extract().asString()).contains("data-field=\"window\"");
                window("vera", "legacy", "erp");
            }
            assertThat(legacy.statementsReceived()).as("statements the legacy cluster received for nine reads").isEmpty();
        } finally {
            scheduler.resume(ProgressPoller.TICK);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheWindowAndItsRefusals() {
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/clusters/{cluster}/tenants/{tenant}/recoverable-window'.get.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "400", "404", "503"));
    }

    private void read(String cluster) throws Exception {
        poller.refreshNow(cluster).get(60, TimeUnit.SECONDS);
    }

    private static JsonPath window(String user, String cluster, String tenant) {
        return as(user).get(WINDOW, cluster, tenant).then().statusCode(200).extract().jsonPath();
    }

    private static BigInteger scn(Map<String, String> point) {
        return new BigInteger(point.get("scn"));
    }
}
