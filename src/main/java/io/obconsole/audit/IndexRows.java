package io.obconsole.audit;

import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two index tables beside the trail (a record's tenants; the jobs an accepted backup
 * started), read back and compared with what the record's own hashed fields say they must be.
 * They decide who sees a record and who is named as a job's starter, so an edited index row
 * must break the chain check like an edited record does.
 */
final class IndexRows {

    private final Map<Long, Set<String>> tenants = new HashMap<>();
    private final Map<Long, Set<String>> jobStarts = new HashMap<>();

    /** The index rows of records {@code (fromExclusive, toInclusive]}. */
    static IndexRows load(EntityManager em, long fromExclusive, long toInclusive) {
        IndexRows rows = new IndexRows();
        for (Object row : em.createNativeQuery("SELECT record_id, tenant_name FROM audit_record_tenant"
                + " WHERE record_id > ?1 AND record_id <= ?2").setParameter(1, fromExclusive)
                .setParameter(2, toInclusive).getResultList()) {
            Object[] r = (Object[]) row;
            rows.tenants.computeIfAbsent(((Number) r[0]).longValue(), k -> new TreeSet<>()).add((String) r[1]);
        }
        for (Object row : em.createNativeQuery("SELECT record_id, cluster_name, tenant_id, incarnation, job_id,"
                + " job_start, tenant_name, intent_id FROM audit_job_start WHERE record_id > ?1 AND record_id <= ?2")
                .setParameter(1, fromExclusive).setParameter(2, toInclusive).getResultList()) {
            Object[] r = (Object[]) row;
            rows.jobStarts.computeIfAbsent(((Number) r[0]).longValue(), k -> new TreeSet<>()).add(jobStart(
                    (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                    time(r[5]), (String) r[6], ((Number) r[7]).longValue()));
        }
        return rows;
    }

    /** What is wrong with the record's index rows, or null. */
    String problem(AuditRecord record) {
        Set<String> expectedTenants = new TreeSet<>(new LinkedHashSet<>(RecordText.readStrings(record.tenants)));
        if (!expectedTenants.equals(tenants.getOrDefault(record.id, Set.of()))) {
            return "Its tenant index rows no longer match its tenants: the index was changed after it was written";
        }
        Set<String> expectedStarts = new TreeSet<>();
        if (record.outcomeKind() == AuditOutcome.ACCEPTED && DatabaseAuditTrail.startsJobs(record.action)) {
            for (AuditTrail.JobRef job : RecordText.readJobs(record.jobIds)) {
                expectedStarts.add(jobStart(job.cluster(), job.tenantId(), job.incarnation(), job.jobId(),
                        DatabaseAuditTrail.startColumn(job), job.tenantName(), record.intentId == null ? 0 : record.intentId));
            }
        }
        if (!expectedStarts.equals(jobStarts.getOrDefault(record.id, Set.of()))) {
            return "Its job-start index rows no longer match the jobs it started: the index was changed after it was written";
        }
        return null;
    }

    /** Index rows of ids that hold no record of this range (rows slipped in for a record that does not exist). */
    Long orphan(List<AuditRecord> records) {
        Set<Long> ids = new java.util.HashSet<>();
        records.forEach(r -> ids.add(r.id));
        return java.util.stream.Stream.concat(tenants.keySet().stream(), jobStarts.keySet().stream())
                .filter(id -> !ids.contains(id)).min(Long::compare).orElse(null);
    }

    private static String jobStart(String cluster, long tenantId, long incarnation, long jobId, LocalDateTime start,
            String tenant, long intentId) {
        return cluster + "|" + tenantId + "|" + incarnation + "|" + jobId + "|" + start + "|" + tenant + "|" + intentId;
    }

    private static LocalDateTime time(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        return (LocalDateTime) value;
    }
}
