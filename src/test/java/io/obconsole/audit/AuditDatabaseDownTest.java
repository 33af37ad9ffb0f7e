package io.obconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.obconsole.demo.launch.EmbeddedAuditDatabase;
import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** With the audit database down, an action is refused quickly instead of hanging or running unrecorded. */
@QuarkusTest
class AuditDatabaseDownTest {

    @Inject
    AuditTrail trail;

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void recordIntentRefusesQuicklyWhileTheDatabaseIsDownAndWorksAgainAfter() {
        ActionIntent intent = new ActionIntent(new io.obconsole.access.Operator("otto", "s", Set.of("backup-operator"),
                List.of("demo/mysql_tenant"), null), AuditAction.BACKUP_FULL, "demo", List.of("mysql_tenant"), Map.of(), null);
        EmbeddedAuditDatabase database = Demo.services().auditDatabase();
        trail.recordIntent(intent);
        database.stop();
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> trail.recordIntent(intent)).isInstanceOf(AuditUnavailableException.class);
            assertThatThrownBy(() -> trail.recordJobEnded(new AuditTrail.JobRef("demo", 1002, "mysql_tenant", 1, 1, java.time.LocalDateTime.of(2026, 3, 1, 2, 0)),
                    "COMPLETED", 0, "")).isInstanceOf(AuditUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            database.start();
            // the test profile starts the embedded database empty: give it its schema back
            flyway.migrate();
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }
        // connections the pool still holds from before fail once; the console recovers by itself
        await().atMost(Duration.ofSeconds(20)).ignoreException(AuditUnavailableException.class)
                .until(() -> trail.recordIntent(intent) > 0);
    }
}
