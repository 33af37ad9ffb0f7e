package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, point 11: a person sees only the clusters that hold a tenant in their scope. otto
 * ({@code demo/mysql_tenant}) learns nothing of {@code legacy} and {@code payroll}, not even
 * that they exist; vera ({@code demo/*}, {@code legacy/*}, {@code payroll/*}, {@code dr/*}) sees all four.
 */
@QuarkusTest
class ClusterScopeTest {

    @Test
    void theClusterListHoldsOnlyTheClustersOfTheCallersScope() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as("vera").get("/api/v1/clusters").then()
                .statusCode(200).body("name", containsInAnyOrder("demo", "legacy", "payroll", "dr")));

        as("otto").get("/api/v1/clusters").then().statusCode(200).body("name", equalTo(List.of("demo")));
    }

    @Test
    void aClusterOutsideTheScopeAnswersAsOneThatIsNotConfigured() {
        as("otto").get("/api/v1/clusters/legacy/tenants").then().statusCode(404);
        as("otto").get("/api/v1/jobs?cluster=payroll").then().statusCode(404);
        as("otto").get("/api/v1/clusters/no-such-cluster/tenants").then().statusCode(404);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as("vera").get("/api/v1/clusters/legacy/tenants")
                .then().statusCode(200));
    }

    @Test
    void anUnreachableClusterOutsideTheScopeIsNotReportedToTheCaller() {
        Demo.cluster("legacy").control().refuseConnections();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("vera").get("/api/v1/jobs").then()
                    .statusCode(200).body("unreachable.cluster", hasItem("legacy")));

            as("otto").get("/api/v1/jobs").then().statusCode(200)
                    .body("jobs.cluster", everyItem(equalTo("demo")))
                    .body("unreachable.cluster", not(hasItem("legacy")));
            as("otto").get("/api/v1/clusters").then().statusCode(200).body("name", equalTo(List.of("demo")));
        } finally {
            Demo.cluster("legacy").control().recover();
        }
    }
}
