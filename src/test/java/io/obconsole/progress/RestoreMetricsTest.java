package io.obconsole.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.api.ApiFixture;
import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the poller feeds the metrics endpoint of restores, as a Prometheus scrape reads it. */
@QuarkusTest
class RestoreMetricsTest {

    private static final String RUNNING = "obconsole_restore_jobs_running\\{cluster=\"demo\"\\}";
    private static final String SUCCEEDED = "obconsole_restore_duration_seconds_count\\{cluster=\"demo\",outcome=\"SUCCESS\"\\}";

    @BeforeEach
    void freshCluster() {
        ApiFixture.resetCluster();
    }

    @AfterEach
    void putBack() {
        ApiFixture.resetCluster();
    }

    @Test
    void aRunningRestoreCountsPerClusterThenItsDurationByOutcome() {
        double succeededBefore = value(scrape(), SUCCEEDED, 0);
        ApiFixture.as("ada").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("sourceCluster", "demo", "sourceTenant", "mysql_tenant", "targetCluster", "demo",
                        "newTenant", "measured", "newPool", "measured_pool", "newUnit", "measured_unit"))
                .post("/api/v1/restores").then().statusCode(202);
        Demo.clock().advanceSeconds(10);
        Demo.fleetRead();
        assertThat(value(scrape(), RUNNING, Double.NaN)).isEqualTo(1.0);

        await().atMost(Duration.ofSeconds(90)).until(() -> {
            Demo.clock().advanceSeconds(30);
            Demo.fleetRead();
            return value(scrape(), SUCCEEDED, 0) > succeededBefore;
        });
        String metrics = scrape();
        assertThat(value(metrics, RUNNING, Double.NaN)).isZero();
        assertThat(value(metrics, "obconsole_restore_duration_seconds_sum\\{cluster=\"demo\",outcome=\"SUCCESS\"\\}",
                0)).isGreaterThan(0);
    }

    private static String scrape() {
        return given().port(ProgressMetricsTest.managementPort()).get("/q/metrics").then().statusCode(200).extract()
                .asString();
    }

    private static double value(String metrics, String series, double otherwise) {
        Double value = ProgressMetricsTest.valueOrNull(metrics, series);
        return value == null ? otherwise : value;
    }
}
