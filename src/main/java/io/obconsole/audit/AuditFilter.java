package io.obconsole.audit;

import java.time.Instant;

/**
 * What a reader of the trail asks for; null fields do not filter. The actor matches the whole
 * name or whole words of it (a person's name also finds the policy runs on their behalf); the
 * tenant filter also matches "every tenant" records; the time range is [from, to).
 */
public record AuditFilter(String actor, String cluster, String tenant, String action, AuditOutcome outcome,
        Instant from, Instant to) {

    public static final AuditFilter ANY = new AuditFilter(null, null, null, null, null, null, null);
}
