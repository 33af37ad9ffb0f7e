package io.obconsole.web;

import io.obconsole.audit.AuditEntry;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.fleet.JobEnd;
import io.quarkus.qute.TemplateExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the audit page reads a record: a job's end in the words the job history uses, and empty
 * values as a dash rather than as nothing or the word "null".
 */
@TemplateExtension
public final class AuditEntries {

    /** What an empty value reads as. */
    static final String EMPTY = "–";

    private AuditEntries() {
    }

    /** A job-ended record's end, read as the job history reads it; null for any other record, or an end unknown. */
    static JobEnd jobEnd(AuditEntry entry) {
        if (entry.outcome() != AuditOutcome.JOB_ENDED) {
            return null;
        }
        long result;
        try {
            result = Long.parseLong(entry.parameters().getOrDefault("result", "0"));
        } catch (NumberFormatException e) {
            result = entry.obCode() == null ? 0 : entry.obCode();
        }
        return JobEnd.of(entry.parameters().get("status"), result, entry.obText());
    }

    /** The cluster as shown: a dash for a record that names none (a channel's, the trail's own). */
    static String shownCluster(AuditEntry entry) {
        return entry.cluster() == null || entry.cluster().isBlank() ? EMPTY : entry.cluster();
    }

    /** The tenants as shown: a dash for a record that names none. */
    static List<String> shownTenants(AuditEntry entry) {
        return entry.tenants() == null || entry.tenants().isEmpty() ? List.of(EMPTY) : entry.tenants();
    }

    /**
     * The parameters as shown: for a job end, what its end does not say already; an empty value
     * as a dash. Records from before the trail wrote "not set" for an unset objective figure hold
     * the word {@code null} for it, which reads as empty too.
     */
    static Map<String, String> shownParameters(AuditEntry entry) {
        boolean saidByEnd = jobEnd(entry) != null;
        Map<String, String> shown = new LinkedHashMap<>();
        entry.parameters().forEach((name, value) -> {
            if (!(saidByEnd && (name.equals("status") || name.equals("result")))) {
                shown.put(name, value == null || value.isBlank() || value.equals("null") ? EMPTY : value);
            }
        });
        return shown;
    }
}
