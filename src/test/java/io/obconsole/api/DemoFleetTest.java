package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.ReceivedStatement;
import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo fleet as the console sees it: four clusters, each with its own rules (4.2.1 sys,
 * 4.2.0 sys with the {@code all} keyword, a tenant-mode entry that backs its tenant up itself, a
 * 4.3.2 sys cluster with no user tenant kept for restores),
 * and one of them down leaves the others working.
 */
@QuarkusTest
class DemoFleetTest {

    @BeforeEach
    void idle() {
        everyCluster(c -> c.control().recover());
        Demo.clock().advanceSeconds(3600);
        everyCluster(c -> c.control().resetStatements());
    }

    @AfterEach
    void putBack() {
        everyCluster(c -> c.control().recover());
        Demo.cluster("legacy").control().setThreadScore("erp", 0);
        Demo.cluster("legacy").control().setThreadScore("hr", 0);
        Demo.clock().advanceSeconds(3600);
    }

    private static void everyCluster(java.util.function.Consumer<DemoCluster> action) {
        List.of("demo", "legacy", "payroll", "dr").forEach(name -> action.accept(Demo.cluster(name)));
    }

    private static Response start(String user, String cluster, Object body) {
        return ApiFixture.start(user, cluster, body);
    }

    private static List<String> changesReceived(String cluster) {
        return Demo.cluster(cluster).control().statementsReceived().stream().filter(s -> s.startsWith("ALTER SYSTEM"))
                .toList();
    }

    @Test
    void theFourClustersAreListedWithTheirModesAndVersions() {
        // right after start the read model may not have read every cluster yet
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as("vera").get("/api/v1/clusters").then().statusCode(200)
                .body("name", hasItems("demo", "legacy", "payroll", "dr"))
                .body("find { it.name == 'dr' }.version", equalTo("4.3.2.0"))
                .body("find { it.name == 'dr' }.mode", equalTo("sys"))
                .body("find { it.name == 'demo' }.version", equalTo("4.2.1.0"))
                .body("find { it.name == 'legacy' }.version", equalTo("4.2.0.0"))
                .body("find { it.name == 'legacy' }.mode", equalTo("sys"))
                .body("find { it.name == 'payroll' }.mode", equalTo("tenant")));
        as("vera").get("/api/v1/clusters/legacy/tenants").then().statusCode(200).body("name", equalTo(List.of("erp", "hr")));
        as("vera").get("/api/v1/clusters/payroll/tenants").then().statusCode(200).body("name", equalTo(List.of("payroll")));
        as("vera").get("/api/v1/clusters/dr/tenants").then().statusCode(200).body("name", equalTo(List.of()));
    }

    @Test
    void onTheOlderClusterConcurrencyForAllTenantsNamesEachUserTenantNeverSysOrMeta() {
        start("olga", "legacy", Map.of("type", "FULL", "allTenants", true, "concurrency", 8)).then().statusCode(202)
                .body("previousConcurrency.erp", equalTo(0));

        assertThat(changesReceived("legacy")).containsExactly("ALTER SYSTEM SET ha_low_thread_score = 8 TENANT = erp",
                "ALTER SYSTEM SET ha_low_thread_score = 8 TENANT = hr", "ALTER SYSTEM BACKUP DATABASE");
        assertThat(changesReceived("demo")).isEmpty();
    }

    @Test
    void theTenantModeClusterBacksItsTenantUpItselfEndToEnd() {
        Response started = start("ada", "payroll", Map.of("type", "FULL", "tenants", List.of("payroll")));
        started.then().statusCode(202).body("jobs[0].tenant", equalTo("payroll"));
        long jobId = started.jsonPath().getLong("jobs[0].jobId");

        List<ReceivedStatement> received = Demo.cluster("payroll").control().statementsWithConnections();
        assertThat(received).filteredOn(s -> s.sql().startsWith("ALTER SYSTEM")).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("ALTER SYSTEM BACKUP DATABASE");
            assertThat(s.account()).isEqualTo("root@payroll");
        });
        assertThat(received).as("a tenant reads DBA_ views, never CDB_ ones").noneMatch(s -> s.sql().contains("CDB_"));

        Demo.clock().advanceSeconds(600);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ada")
                .get("/api/v1/jobs?cluster=payroll&tenant=payroll").then().statusCode(200)
                .body("jobs.find { it.job.jobId == " + jobId + " }.status", equalTo("COMPLETED")));
    }

    @Test
    void oneClusterDownLeavesTheOthersWorking() {
        Demo.cluster("legacy").control().refuseConnections();

        // pages and API read the fleet read model: the poller's next round finds legacy down
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("vera").get("/api/v1/clusters").then().statusCode(200)
                .body("find { it.name == 'legacy' }.reachable", equalTo(false))
                .body("find { it.name == 'demo' }.reachable", equalTo(true))
                .body("find { it.name == 'payroll' }.reachable", equalTo(true)));
        start("ada", "payroll", Map.of("type", "FULL", "tenants", List.of("payroll"))).then().statusCode(202);
        start("ada", "legacy", Map.of("type", "FULL", "tenants", List.of("erp"))).then().statusCode(503)
                .body("error", equalTo("CLUSTER_UNREACHABLE"));
    }
}
