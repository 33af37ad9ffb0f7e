package io.obconsole.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.access.Operator;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.Refusals;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Refusals reach the trail bounded per person and minute, and say how many were left out. */
class RefusalsTest {

    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final AtomicLong now = new AtomicLong();
    private final Refusals refusals = new Refusals(() -> trail, 20, now::get);

    private static Operator person(String name) {
        return new Operator(name, "sub-" + name, Set.of("backup-viewer"), List.of("demo/*"), "10.0.0.1");
    }

    @Test
    void aFloodIsCutAtTheLimitAndTheNextMinuteSaysHowManyWereLeftOut() {
        for (int i = 0; i < 25; i++) {
            refusals.forbidden(person("vera"), AuditAction.BACKUP_FULL, "demo", List.of("mysql_tenant"), "viewer");
        }
        assertThat(trail.refusals).hasSize(20);
        refusals.forbidden(person("otto"), AuditAction.BACKUP_FULL, "demo", List.of("oracle_tenant"), "out of scope");
        assertThat(trail.refusals).hasSize(21);

        now.addAndGet(Duration.ofSeconds(61).toNanos());
        refusals.forbidden(person("vera"), AuditAction.BACKUP_FULL, "demo", List.of("mysql_tenant"), "viewer");
        assertThat(trail.refusals).hasSize(22);
        assertThat(trail.refusals.get(21).attempt().parameters()).containsEntry("refusalsNotRecordedBefore", "5");
        assertThat(trail.refusals.get(21).outcome()).isEqualTo(AuditOutcome.REFUSED_FORBIDDEN);
    }

    @Test
    void noSixtySecondsHoldMoreThanTheLimitHoweverTheRefusalsFall() {
        // ten at 0 s and ten at 50 s: a window that restarted at 60 s would take twenty more at 65 s
        for (int i = 0; i < 10; i++) {
            refusals.forbidden(person("vera"), AuditAction.BACKUP_FULL, "demo", List.of("mysql_tenant"), "viewer");
        }
        now.set(Duration.ofSeconds(50).toNanos());
        for (int i = 0; i < 15; i++) {
            refusals.forbidden(person("vera"), AuditAction.BACKUP_FULL, "demo", List.of("mysql_tenant"), "viewer");
        }
        assertThat(trail.refusals).hasSize(20);

        now.set(Duration.ofSeconds(65).toNanos());
        for (int i = 0; i < 15; i++) {
            refusals.forbidden(person("vera"), AuditAction.BACKUP_FULL, "demo", List.of("mysql_tenant"), "viewer");
        }
        // only the ten of 0 s have left the last minute
        assertThat(trail.refusals).hasSize(30);
        assertThat(trail.refusals.get(20).attempt().parameters()).containsEntry("refusalsNotRecordedBefore", "5");
    }

    @Test
    void whatIsRecordedIsBoundedToOneLine() {
        refusals.invalid(person("otto"), AuditAction.BACKUP_FULL, "demo", List.of("a".repeat(5000), "b\nc"),
                () -> "x".repeat(70_000));
        FakeAuditTrail.Refusal recorded = trail.refusals.get(0);
        assertThat(recorded.reason()).hasSizeLessThanOrEqualTo(512);
        assertThat(recorded.attempt().tenants()).allMatch(t -> t.length() <= 64 && !t.contains("\n"));
    }
}
