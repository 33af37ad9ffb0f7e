package io.obconsole.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;

/**
 * Exports audit entries as CSV (RFC 4180: CRLF rows, fields quoted when they hold a comma,
 * quote or line break, quotes doubled). Text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe; numbers we wrote
 * ourselves (ids, OceanBase codes) are left as numbers.
 */
public final class AuditCsv {

    public static final String MEDIA_TYPE = "text/csv";

    static final List<String> HEADER = List.of("id", "time_utc", "actor", "subject", "roles", "client_address",
            "action", "cluster", "tenants", "parameters", "outcome", "ob_code", "ob_text", "job_ids", "intent_id",
            "statements", "hash");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private AuditCsv() {
    }

    public static void write(List<AuditEntry> entries, Writer out) {
        try {
            row(out, HEADER.stream().map(AuditCsv::text).toList());
            for (AuditEntry e : entries) {
                row(out, cells(e));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(AuditEntry e) {
        StringJoiner parameters = new StringJoiner("; ");
        e.parameters().forEach((k, v) -> parameters.add(k + "=" + v));
        StringJoiner jobs = new StringJoiner(" ");
        e.jobIds().forEach(j -> jobs.add(j.tenantName() + ":" + j.jobId()));
        return List.of(number(e.id()), text(TIME.format(e.time())), text(e.actor()), text(e.subject()),
                text(String.join(" ", e.roles())), text(e.clientAddress()), text(e.action()), text(e.cluster()),
                text(String.join(" ", e.tenants())), text(parameters.toString()), text(e.outcome().name()),
                number(e.obCode()), text(e.obText()), text(jobs.toString()), number(e.intentId()),
                text(String.join("\n", e.statements())), text(e.hash()));
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.write("\r\n");
    }

    private static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    /** One text cell: formula-guarded, then quoted if needed. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
