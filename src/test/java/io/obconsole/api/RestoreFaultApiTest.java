package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's fault control makes a restore fail in its background phase, after OceanBase accepted
 * it (a missing archive piece): the restore ends FAIL with OceanBase's COMMENT and what it means.
 */
@QuarkusTest
class RestoreFaultApiTest {

    @BeforeEach
    void freshCluster() {
        ApiFixture.resetCluster();
    }

    @AfterEach
    void putBack() {
        ApiFixture.resetCluster();
    }

    private static String statusAfter(String tenant, int seconds) {
        Demo.clock().advanceSeconds(seconds);
        Demo.fleetRead();
        List<String> statuses = as("rita").get("/api/v1/restores?tenant=" + tenant).then().statusCode(200).extract()
                .jsonPath().getList("status");
        return statuses.isEmpty() ? "none" : statuses.get(0);
    }

    @Test
    void aRestoreFailingInTheBackgroundEndsFailWithOceanBasesCommentAndAPlainExplanation() {
        ApiFixture.sql("CALL demo.fail_next_restore()");
        as("rita").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("sourceCluster", "demo", "sourceTenant", "mysql_tenant", "targetCluster", "demo",
                        "newTenant", "broken", "newPool", "broken_pool", "newUnit", "broken_unit"))
                .post("/api/v1/restores").then().statusCode(202);

        await().atMost(Duration.ofSeconds(90)).until(() -> statusAfter("broken", 30).equals("FAIL"));

        as("rita").get("/api/v1/restores?tenant=broken").then().statusCode(200)
                .body("[0].running", equalTo(false))
                .body("[0].comment", equalTo("archive log piece not exist, restore failed"))
                .body("[0].explanation", containsString("a piece of the source's archive log is missing"));
        assertThat(ApiFixture.control().statementsReceived()).noneMatch(s -> s.startsWith("ALTER SYSTEM CANCEL RESTORE"));
    }
}
