package io.obconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The record hash covers every stored field and the previous hash, without ambiguity. */
class RecordHashTest {

    @Test
    void anyFieldChangeChangesTheHash() {
        AuditRecord a = record();
        String original = RecordHash.of(a);
        assertThat(original).hasSize(64).isEqualTo(RecordHash.of(record()));
        a.obText = "changed";
        assertThat(RecordHash.of(a)).isNotEqualTo(original);
        AuditRecord b = record();
        b.prevHash = "1".repeat(64);
        assertThat(RecordHash.of(b)).isNotEqualTo(original);
        AuditRecord c = record();
        c.recordedAt = c.recordedAt.plusNanos(1000);
        assertThat(RecordHash.of(c)).isNotEqualTo(original);
    }

    @Test
    void movingTextBetweenFieldsOrNullVersusEmptyGivesAnotherHash() {
        AuditRecord a = record();
        a.actorUsername = "ot";
        a.actorSubject = "to";
        AuditRecord b = record();
        b.actorUsername = "otto";
        b.actorSubject = "";
        AuditRecord c = record();
        c.actorUsername = "otto";
        c.actorSubject = null;
        assertThat(RecordHash.of(a)).isNotEqualTo(RecordHash.of(b));
        assertThat(RecordHash.of(b)).isNotEqualTo(RecordHash.of(c));
    }

    private static AuditRecord record() {
        AuditRecord r = new AuditRecord();
        r.recordedAt = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123456000);
        r.actorUsername = "otto";
        r.actorSubject = "sub";
        r.actorRoles = "backup-operator";
        r.action = "BACKUP_FULL";
        r.cluster = "demo";
        r.tenants = "[\"mysql_tenant\"]";
        r.parameters = "{}";
        r.outcome = "INTENDED";
        r.prevHash = ChainHead.GENESIS;
        return r;
    }
}
