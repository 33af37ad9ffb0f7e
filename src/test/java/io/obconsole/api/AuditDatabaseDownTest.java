package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.backup;
import static io.obconsole.api.ApiFixture.backupsReceived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** With the audit database down the console refuses to act: the cluster receives no BACKUP. */
@QuarkusTest
class AuditDatabaseDownTest {

    @Inject
    Flyway flyway;

    @Test
    void backupIsRefusedAndTheClusterReceivesNoBackupStatement() {
        ApiFixture.resetCluster();
        String token = io.obconsole.testing.Tokens.accessToken("otto");
        Demo.services().auditDatabase().stop();
        try {
            io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(backup("FULL", "mysql_tenant"))
                    .post("/api/v1/clusters/demo/backups").then().statusCode(503).body("error", equalTo("AUDIT_UNAVAILABLE"));
            assertThat(backupsReceived()).isEmpty();
        } finally {
            // the test profile starts the audit database fresh: bring back its schema too
            Demo.services().auditDatabase().start();
            flyway.migrate();
        }
        as("otto").header("Idempotency-Key", UUID.randomUUID().toString()).body(backup("FULL", "mysql_tenant"))
                .post("/api/v1/clusters/demo/backups").then().statusCode(202);
        ApiFixture.resetCluster();
    }
}
