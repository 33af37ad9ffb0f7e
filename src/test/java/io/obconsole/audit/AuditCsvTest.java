package io.obconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV export: RFC 4180 quoting and no formulas for spreadsheets. */
class AuditCsvTest {

    @Test
    void quotesCommasQuotesAndLineBreaksAndEndsRowsWithCrLf() {
        String csv = export(entry("mysql_tenant", "say \"hi\", then\nleave", List.of("ALTER SYSTEM BACKUP", "SELECT 1")));
        String[] rows = csv.split("\r\n", -1);
        assertThat(rows[0]).startsWith("id,time_utc,actor,");
        assertThat(csv).contains("\"say \"\"hi\"\", then\nleave\"");
        assertThat(csv).contains("\"ALTER SYSTEM BACKUP\nSELECT 1\"");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void cellsThatSpreadsheetsWouldRunAsFormulasArePrefixed() {
        assertThat(AuditCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditCsv.text("+1+1")).isEqualTo("'+1+1");
        assertThat(AuditCsv.text("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(AuditCsv.text("plain")).isEqualTo("plain");
        assertThat(AuditCsv.text(null)).isEmpty();
    }

    @Test
    void oceanBaseCodesStayNumbers() {
        String csv = export(entry("t", "Backup destination not set", List.of()));
        assertThat(csv).contains(",-9020,");
    }

    private static String export(AuditEntry entry) {
        StringWriter out = new StringWriter();
        AuditCsv.write(List.of(entry), out);
        return out.toString();
    }

    private static AuditEntry entry(String tenant, String obText, List<String> statements) {
        return new AuditEntry(7, Instant.parse("2026-01-02T03:04:05.123456Z"), "otto", "sub-1",
                List.of("backup-operator"), "10.0.0.1", "BACKUP_FULL", "demo", List.of(tenant),
                Map.of("password", "set", "description", "=cmd|' /C calc'!A0"), statements,
                AuditOutcome.REJECTED_BY_OCEANBASE, -9020, obText, List.of(), 6L, "ab".repeat(32));
    }
}
