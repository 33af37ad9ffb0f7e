package io.obconsole.web;

import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditFilter;
import io.obconsole.audit.AuditOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The audit page's filters as typed (dates as whole UTC days, "to" inclusive), turned into the
 * trail's query and into the same filter for the CSV link.
 */
public record AuditWebFilter(String actor, String cluster, String tenant, String action, String outcome, String from,
        String to) {

    /** No filter: every record the reader may see. */
    static final AuditWebFilter NONE = new AuditWebFilter(null, null, null, null, null, null, null);

    public AuditWebFilter {
        actor = trim(actor);
        cluster = trim(cluster);
        tenant = trim(tenant);
        action = trim(action);
        outcome = trim(outcome);
        from = trim(from);
        to = trim(to);
    }

    /** The trail's filter; throws {@link IllegalArgumentException} with a readable message for bad input. */
    AuditFilter toAuditFilter() {
        AuditOutcome kind = null;
        if (!outcome.isEmpty()) {
            try {
                kind = AuditOutcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown outcome " + outcome);
            }
        }
        if (!action.isEmpty()) {
            try {
                AuditAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown action " + action);
            }
        }
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        return new AuditFilter(nullIfEmpty(actor), nullIfEmpty(cluster), nullIfEmpty(tenant), nullIfEmpty(action), kind,
                fromDay == null ? null : fromDay.atStartOfDay().toInstant(ZoneOffset.UTC),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** The filters as a query string, for the CSV export and paging links. */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("actor", actor);
        params.put("cluster", cluster);
        params.put("tenant", tenant);
        params.put("action", action);
        params.put("outcome", outcome);
        params.put("from", from);
        params.put("to", to);
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (!v.isEmpty()) {
                query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static LocalDate day(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Dates look like 2026-01-31; got " + text);
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }
}
