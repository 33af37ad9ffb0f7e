package io.obconsole.foundation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** /q/health/ready, on the management port, tells an operator whether the audit database and each cluster can be reached. */
@QuarkusTest
class ReadinessTest {

    @Test
    void readinessReportsTheAuditDatabaseAndTheDemoCluster() {
        int management = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        given().port(management).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'OceanBase clusters' }.data.demo", startsWith("reachable, OceanBase 4.2.1.0, 3 user tenants"));
    }
}
