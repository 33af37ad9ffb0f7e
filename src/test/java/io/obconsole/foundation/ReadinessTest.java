package io.obconsole.foundation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.obconsole.demo.DemoControl;
import io.obconsole.progress.ProgressPoller;
import io.obconsole.testing.Demo;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /q/health/ready, on the management port, tells an operator whether the audit database and each
 * cluster can be reached; the clusters as the poller's last round found them, without querying them.
 */
@QuarkusTest
class ReadinessTest {

    private static final String CLUSTERS = "checks.find { it.name == 'OceanBase clusters' }";

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void demoClusterAsItsScenarioStarts() {
        scheduler.resume(ProgressPoller.TICK);
        Demo.reset();
    }

    @AfterEach
    void demoClusterBack() {
        Demo.cluster().control().recover();
        scheduler.resume(ProgressPoller.TICK);
        Demo.fleetRead();
    }

    @Test
    void readinessReportsTheAuditDatabaseAndTheDemoCluster() {
        given().port(management()).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body(CLUSTERS + ".data.demo", startsWith("reachable, OceanBase 4.2.1.0, 3 user tenants"));
    }

    @Test
    void readinessSendsNoStatementToTheClustersAndShowsAClusterDownAfterThePollersNextRound() {
        // only the rounds the test runs reach the cluster: this one finishes any round under way
        scheduler.pause(ProgressPoller.TICK);
        Demo.fleetRead();
        DemoControl control = Demo.cluster().control();
        control.resetStatements();

        for (int i = 0; i < 5; i++) {
            assertThat(clusterLine(ready())).startsWith("reachable, OceanBase 4.2.1.0, 3 user tenants");
        }
        assertThat(control.statementsReceived()).as("statements the demo cluster received during 5 readiness calls")
                .isEmpty();

        control.refuseConnections();
        assertThat(clusterLine(ready())).as("the last round's state until the poller reads again")
                .startsWith("reachable, OceanBase 4.2.1.0");

        scheduler.resume(ProgressPoller.TICK);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> clusterLine(ready()).startsWith("unreachable: "));
        JsonPath answer = ready();
        assertThat(clusterLine(answer).substring("unreachable: ".length())).as("the driver's reason").isNotBlank();
        assertThat(answer.getString("status")).as("the other clusters of the demo fleet still answer").isEqualTo("UP");
    }

    private static JsonPath ready() {
        return given().port(management()).when().get("/q/health/ready").then().extract().jsonPath();
    }

    private static String clusterLine(JsonPath answer) {
        return answer.getString(CLUSTERS + ".data.demo");
    }

    private static int management() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }
}
