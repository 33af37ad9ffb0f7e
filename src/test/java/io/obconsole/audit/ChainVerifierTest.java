package io.obconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.access.Operator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chain check on an honest trail, and after an administrator changes or removes rows directly. */
@QuarkusTest
class ChainVerifierTest {

    @Inject
    AuditTrail trail;

    @Inject
    ChainVerifier verifier;

    private long append(AuditAction action) {
        Operator ada = new Operator("ada", "sub-ada", Set.of("backup-admin"), List.of("demo/*"), "127.0.0.1");
        long id = trail.recordIntent(new ActionIntent(ada, action, "demo", List.of("*"), Map.of("type", "FULL"), null));
        trail.recordOutcome(id, AuditOutcome.ACCEPTED, List.of("ALTER SYSTEM BACKUP"), null, null, List.of());
        return id;
    }

    @Test
    void anHonestTrailVerifies() {
        append(AuditAction.BACKUP_FULL);
        append(AuditAction.CANCEL);
        ChainReport report = verifier.verify();
        assertThat(report.intact()).as(String.valueOf(report)).isTrue();
        assertThat(report.checked()).isGreaterThanOrEqualTo(4);
        assertThat(report.brokenAt()).isNull();
    }

    @Test
    void aRowChangedInTheDatabaseIsNamedAsTheFirstBrokenLink() throws Exception {
        long first = append(AuditAction.BACKUP_FULL);
        append(AuditAction.BACKUP_FULL);
        try (Connection c = AuditDb.connect()) {
            String original = value(c, first, "actor_username");
            update(c, first, "actor_username", "mallory");
            try {
                ChainReport report = verifier.verify();
                assertThat(report.intact()).isFalse();
                assertThat(report.brokenAt()).isEqualTo(first);
                assertThat(report.problem()).contains("changed");
            } finally {
                update(c, first, "actor_username", original);
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRowRemovedFromTheMiddleIsNoticedAtTheNextRecord() throws Exception {
        long intent = append(AuditAction.BACKUP_FULL);
        append(AuditAction.BACKUP_FULL);
        try (Connection c = AuditDb.connect()) {
            c.createStatement().execute("CREATE TEMPORARY TABLE kept AS SELECT * FROM audit_record WHERE id = " + intent);
            c.createStatement().executeUpdate("DELETE FROM audit_record WHERE id = " + intent);
            try {
                ChainReport report = verifier.verify();
                assertThat(report.intact()).isFalse();
                assertThat(report.brokenAt()).isEqualTo(nextId(c, intent));
                assertThat(report.problem()).contains("removed");
            } finally {
                c.createStatement().executeUpdate("INSERT INTO audit_record SELECT * FROM kept");
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aCutOffTailIsNoticedThroughTheChainHead() throws Exception {
        append(AuditAction.BACKUP_FULL);
        try (Connection c = AuditDb.connect()) {
            ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM audit_record");
            rs.next();
            long last = rs.getLong(1);
            c.createStatement().execute("CREATE TEMPORARY TABLE tail AS SELECT * FROM audit_record WHERE id = " + last);
            c.createStatement().executeUpdate("DELETE FROM audit_record WHERE id = " + last);
            try {
                ChainReport report = verifier.verify();
                assertThat(report.intact()).isFalse();
                assertThat(report.brokenAt()).isEqualTo(last);
            } finally {
                c.createStatement().executeUpdate("INSERT INTO audit_record SELECT * FROM tail");
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    private static long nextId(Connection c, long id) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT MIN(id) FROM audit_record WHERE id > " + id)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String value(Connection c, long id, String column) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT " + column + " FROM audit_record WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void update(Connection c, long id, String column, String value) throws Exception {
        try (PreparedStatement s = c.prepareStatement("UPDATE audit_record SET " + column + " = ? WHERE id = ?")) {
            s.setString(1, value);
            s.setLong(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
