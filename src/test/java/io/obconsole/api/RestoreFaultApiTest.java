package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.RestoreApiTest.post;
import static io.obconsole.api.RestoreApiTest.restore;
import static io.obconsole.api.RestoreApiTest.statusAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
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

    @Test
    void aRestoreFailingInTheBackgroundEndsFailWithOceanBasesCommentAndAPlainExplanation() {
        ApiFixture.sql("CALL demo.fail_next_restore()");
        post("rita", restore("broken")).then().statusCode(202);

        await().atMost(Duration.ofSeconds(90)).until(() -> statusAfter("broken", 30).equals("FAIL"));

        as("rita").get("/api/v1/restores?tenant=broken").then().statusCode(200)
                .body("[0].running", equalTo(false))
                .body("[0].comment", equalTo("archive log piece not exist, restore failed"))
                .body("[0].explanation", containsString("a piece of the source's archive log is missing"));
        assertThat(ApiFixture.control().statementsReceived()).noneMatch(s -> s.startsWith("ALTER SYSTEM CANCEL RESTORE"));
    }
}
