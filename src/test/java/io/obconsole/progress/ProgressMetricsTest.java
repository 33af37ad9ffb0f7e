package io.obconsole.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What the poller feeds the metrics endpoint, as a Prometheus scrape reads it. */
@QuarkusTest
class ProgressMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void runningJobsThenTheEndedJobsDurationAndTheTenantsLastSuccessAge() {
        DemoBackups.finishAll();
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        await().atMost(WAIT).until(() -> value(scrape(), "obconsole_backup_jobs_running\\{cluster=\"demo\"\\}") == 1.0);

        double endedBefore = countOfCompleted(scrape());
        Demo.clock().advanceSeconds(120); // a FULL takes 60 s of demo time
        await().atMost(WAIT).until(() -> countOfCompleted(scrape()) > endedBefore);
        String metrics = scrape();
        assertThat(value(metrics, "obconsole_backup_jobs_running\\{cluster=\"demo\"\\}")).isZero();
        assertThat(value(metrics, "obconsole_backup_job_duration_seconds_max\\{cluster=\"demo\",status=\"COMPLETED\","
                + "tenant=\"mysql_tenant\"\\}")).isGreaterThanOrEqualTo(59.0);

        // the age grows with the cluster's clock, not the console's
        Demo.clock().advanceSeconds(600);
        await().atMost(WAIT).until(() -> value(scrape(),
                "obconsole_backup_last_success_age_seconds\\{cluster=\"demo\",tenant=\"mysql_tenant\"\\}") >= 600.0);
    }

    private static double countOfCompleted(String metrics) {
        Double count = valueOrNull(metrics,
                "obconsole_backup_job_duration_seconds_count\\{cluster=\"demo\",status=\"COMPLETED\",tenant=\"mysql_tenant\"\\}");
        return count == null ? 0 : count;
    }

    private static String scrape() {
        // metrics are on the management port, and not on the pages' port
        given().get("/q/metrics").then().statusCode(404);
        return given().port(managementPort()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static int managementPort() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    private static double value(String metrics, String series) {
        Double value = valueOrNull(metrics, series);
        return value == null ? Double.NaN : value;
    }

    static Double valueOrNull(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+|NaN)$").matcher(metrics);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
