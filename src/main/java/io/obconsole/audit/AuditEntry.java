package io.obconsole.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** An audit record as readers see it (API, pages, CSV): lists and maps instead of stored text. */
public record AuditEntry(long id, Instant time, String actor, String subject, List<String> roles,
        String clientAddress, String action, String cluster, List<String> tenants, Map<String, String> parameters,
        List<String> statements, AuditOutcome outcome, Integer obCode, String obText,
        List<AuditTrail.JobRef> jobIds, Long intentId, String hash) {

    public static AuditEntry of(AuditRecord r) {
        return new AuditEntry(r.id, r.recordedAt.toInstant(ZoneOffset.UTC), r.actorUsername, r.actorSubject,
                r.actorRoles.isEmpty() ? List.of() : Arrays.asList(r.actorRoles.split(",")), r.clientAddress,
                r.action, r.cluster, RecordText.readStrings(r.tenants), RecordText.readMap(r.parameters),
                RecordText.readStrings(r.statements), r.outcomeKind(), r.obCode, r.obText,
                RecordText.readJobs(r.jobIds), r.intentId, r.hash);
    }
}
