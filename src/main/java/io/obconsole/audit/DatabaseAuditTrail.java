package io.obconsole.audit;

import io.obconsole.access.Operator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * The audit trail in the console's database. Every append runs in its own short transaction
 * (never the caller's), so an intent is durable before any SQL reaches a cluster, and any
 * failure to record becomes {@link AuditUnavailableException}: the caller then runs nothing.
 * Exactly-once rules (idempotency keys, job ends) rest on UNIQUE constraints, so they hold
 * across restarts and across console instances.
 */
@ApplicationScoped
public class DatabaseAuditTrail implements AuditTrail {

    /** The action name of a job-ended record whose start the console did not record. */
    static final String UNKNOWN_START = AuditAction.BACKUP_JOB.name();
    /** Actions named so start backup jobs: BACKUP_FULL, BACKUP_INCREMENTAL. */
    static final String BACKUP_PREFIX = "BACKUP";
    static final int MAX_KEY = 191;
    static final int MAX_CLUSTER = 128;

    @Inject
    ChainAppender chain;

    @Inject
    EntityManager em;

    @Inject
    AuditConfig config;

    @Override
    public long recordIntent(ActionIntent intent) {
        AuditRecord record = intentRecord(intent);
        try {
            return inNewTransaction(() -> {
                ChainAppender.Head head = chain.lock();
                Optional<Long> original = intentWithKey(record.actorUsername, record.idempotencyKey);
                if (original.isPresent()) {
                    throw new DuplicateActionException(original.get());
                }
                return chain.append(head, record).id;
            });
        } catch (DuplicateActionException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isUniqueViolation(e) && record.idempotencyKey != null) {
                // another instance won the race between our check and our insert
                Optional<Long> original = afterFailure(e, () -> intentWithKey(record.actorUsername, record.idempotencyKey));
                if (original.isPresent()) {
                    throw new DuplicateActionException(original.get());
                }
            }
            throw unavailable(e);
        }
    }

    @Override
    public void recordOutcome(long intentId, AuditOutcome outcome, List<String> statements, Integer obCode,
            String obText, List<JobRef> jobIds) {
        if (outcome == null || outcome == AuditOutcome.INTENDED || outcome == AuditOutcome.JOB_ENDED) {
            throw new IllegalArgumentException("An outcome record cannot have outcome " + outcome);
        }
        try {
            inNewTransaction(() -> {
                ChainAppender.Head head = chain.lock();
                AuditRecord intent = AuditRecord.findById(intentId);
                if (intent == null || intent.outcomeKind() != AuditOutcome.INTENDED) {
                    throw new IllegalArgumentException("No intent record " + intentId);
                }
                AuditRecord record = sameAction(intent);
                record.outcome = outcome.name();
                record.statements = RecordText.strings(redacted(statements));
                record.obCode = obCode;
                record.obText = SecretGuard.redact(obText);
                record.jobIds = RecordText.jobs(jobIds);
                record.intentId = intentId;
                chain.append(head, record);
                if (startsJobs(intent.action)) {
                    for (JobRef job : jobIds == null ? List.<JobRef>of() : jobIds) {
                        rememberJobStart(job, record.id, intentId);
                    }
                }
                return null;
            });
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void recordRefusal(ActionIntent attempt, AuditOutcome outcome, String reason) {
        if (outcome != AuditOutcome.REFUSED_FORBIDDEN && outcome != AuditOutcome.REFUSED_INVALID) {
            throw new IllegalArgumentException("A refusal record cannot have outcome " + outcome);
        }
        AuditRecord record = intentRecord(new ActionIntent(attempt.actor(), attempt.action(), attempt.cluster(),
                attempt.tenants(), attempt.parameters(), null));
        record.outcome = outcome.name();
        record.obText = SecretGuard.redact(reason);
        try {
            inNewTransaction(() -> chain.append(chain.lock(), record));
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean recordJobEnded(JobRef job, String status, long result, String comment) {
        String key = jobEndKey(job);
        try {
            return inNewTransaction(() -> {
                ChainAppender.Head head = chain.lock();
                if (jobEndRecorded(key)) {
                    return false;
                }
                chain.append(head, jobEndedRecord(job, key, status, result, comment));
                return true;
            });
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isUniqueViolation(e) && afterFailure(e, () -> jobEndRecorded(key))) {
                return false;
            }
            throw unavailable(e);
        }
    }

    @Override
    public List<JobRef> unendedStarts(int limit) {
        try {
            return inNewTransaction(() -> {
                // the key as JobRef.key() writes it; rows from before job keys had a start (the epoch) are left alone
                List<?> rows = em.createNativeQuery("SELECT s.cluster_name, s.tenant_id, s.tenant_name, s.incarnation,"
                        + " s.job_id, s.job_start FROM audit_job_start s WHERE s.job_start > ?1 AND NOT EXISTS"
                        + " (SELECT 1 FROM audit_record r WHERE r.job_end_key = CONCAT(s.cluster_name, '/', s.tenant_id, '/',"
                        + " s.incarnation, '/', s.job_id, '/', TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', s.job_start)))"
                        + " ORDER BY s.record_id")
                        .setParameter(1, NO_START)
                        .setMaxResults(Math.max(1, limit))
                        .getResultList();
                List<JobRef> jobs = new ArrayList<>();
                for (Object row : rows) {
                    Object[] r = (Object[]) row;
                    Object start = r[5];
                    jobs.add(new JobRef((String) r[0], ((Number) r[1]).longValue(), (String) r[2],
                            ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                            start instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) start));
                }
                return jobs;
            });
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<StartedBy> lastStart(String cluster, String tenant) {
        try {
            return inNewTransaction(() -> newestAcceptedStart(cluster, tenant).map(accepted -> new StartedBy(
                    accepted.actorUsername, accepted.recordedAt.toInstant(ZoneOffset.UTC), accepted.intentId)));
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<StartedBy> startOf(JobRef job) {
        try {
            return inNewTransaction(() -> jobStart(job)
                    .map(row -> AuditRecord.<AuditRecord>findById(((Number) row[0]).longValue())))
                    .map(accepted -> new StartedBy(accepted.actorUsername,
                            accepted.recordedAt.toInstant(ZoneOffset.UTC), accepted.intentId));
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private AuditRecord intentRecord(ActionIntent intent) {
        if (intent == null || intent.actor() == null || intent.action() == null || intent.cluster() == null) {
            throw new IllegalArgumentException("An intent needs an actor, an action and a cluster");
        }
        if (intent.idempotencyKey() != null && intent.idempotencyKey().length() > MAX_KEY) {
            throw new IllegalArgumentException("Idempotency key longer than " + MAX_KEY + " characters");
        }
        if (intent.cluster().length() > MAX_CLUSTER
                || (intent.tenants() != null && intent.tenants().stream().anyMatch(t -> t == null || t.length() > MAX_KEY))) {
            // longer than any real cluster or tenant name; refused as a caller error, not as "audit down"
            throw new IllegalArgumentException("Cluster or tenant name too long for the audit trail");
        }
        SecretGuard.checkParameters(intent.parameters());
        Operator actor = intent.actor();
        AuditRecord record = new AuditRecord();
        record.actorUsername = actor.username() == null ? "unknown" : actor.username();
        record.actorSubject = actor.subject();
        record.actorRoles = String.join(",", new TreeSet<>(actor.roles() == null ? List.of() : actor.roles()));
        record.clientAddress = actor.clientAddress();
        record.action = intent.action().name();
        record.cluster = intent.cluster();
        record.tenants = RecordText.strings(intent.tenants());
        record.parameters = RecordText.map(SecretGuard.redactValues(intent.parameters()));
        record.outcome = AuditOutcome.INTENDED.name();
        record.idempotencyKey = intent.idempotencyKey();
        return record;
    }

    /** A new record describing the same action and person, so each row reads on its own. */
    private static AuditRecord sameAction(AuditRecord intent) {
        AuditRecord record = new AuditRecord();
        record.actorUsername = intent.actorUsername;
        record.actorSubject = intent.actorSubject;
        record.actorRoles = intent.actorRoles;
        record.clientAddress = intent.clientAddress;
        record.action = intent.action;
        record.cluster = intent.cluster;
        record.tenants = intent.tenants;
        record.parameters = intent.parameters;
        return record;
    }

    private AuditRecord jobEndedRecord(JobRef job, String key, String status, long result, String comment) {
        Optional<Long> intentId = startingIntent(job);
        AuditRecord intent = intentId.isPresent() ? AuditRecord.<AuditRecord>findById(intentId.get()) : null;
        AuditRecord record = new AuditRecord();
        record.actorUsername = Operator.SYSTEM;
        record.actorRoles = "";
        record.action = intent == null ? UNKNOWN_START : intent.action;
        record.cluster = job.cluster();
        record.tenants = RecordText.strings(List.of(job.tenantName()));
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("status", status);
        parameters.put("result", Long.toString(result));
        record.parameters = RecordText.map(parameters);
        record.outcome = AuditOutcome.JOB_ENDED.name();
        record.obCode = result == 0 ? null : (int) result;
        record.obText = SecretGuard.redact(comment);
        record.jobIds = RecordText.jobs(List.of(job));
        record.intentId = intent == null ? null : intent.id;
        record.jobEndKey = key;
        return record;
    }

    /** Backups start jobs; a cancel also names jobs, but it did not start them. */
    static boolean startsJobs(String action) {
        return action.startsWith(BACKUP_PREFIX);
    }

    private void rememberJobStart(JobRef job, long recordId, long intentId) {
        em.createNativeQuery("INSERT INTO audit_job_start (cluster_name, tenant_id, incarnation, job_id, job_start,"
                + " tenant_name, record_id, intent_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, job.cluster())
                .setParameter(2, job.tenantId())
                .setParameter(3, job.incarnation())
                .setParameter(4, job.jobId())
                .setParameter(5, startColumn(job))
                .setParameter(6, job.tenantName())
                .setParameter(7, recordId)
                .setParameter(8, intentId)
                .executeUpdate();
    }

    /** Keys are the person's own: another person's key is never theirs to replay or to learn of. */
    private Optional<Long> intentWithKey(String actor, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return AuditRecord.<AuditRecord>find("actorUsername = ?1 and idempotencyKey = ?2", actor, key)
                .firstResultOptional().map(r -> r.id);
    }

    /** {@link JobRef#key()}, or its SHA-256 when a long cluster name makes it longer than the column. */
    static String jobEndKey(JobRef job) {
        String key = job.key();
        return key.length() <= MAX_KEY ? key : "sha256:" + RecordHash.sha256(key);
    }

    private boolean jobEndRecorded(String key) {
        return AuditRecord.count("jobEndKey", key) > 0;
    }

    private Optional<Long> startingIntent(JobRef job) {
        return jobStart(job).map(row -> ((Number) row[1]).longValue());
    }

    /** The first action that named this job: its record id and its intent id. */
    private Optional<Object[]> jobStart(JobRef job) {
        List<?> rows = em.createNativeQuery("SELECT record_id, intent_id FROM audit_job_start"
                + " WHERE cluster_name = ?1 AND tenant_id = ?2 AND incarnation = ?3 AND job_id = ?4 AND job_start = ?5"
                + " ORDER BY record_id")
                .setParameter(1, job.cluster())
                .setParameter(2, job.tenantId())
                .setParameter(3, job.incarnation())
                .setParameter(4, job.jobId())
                .setParameter(5, startColumn(job))
                .setMaxResults(1)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    /**
     * The newest accepted backup that touched the tenant: by the jobs it started, else by its
     * tenant list ("every tenant" counts only when no job list says otherwise).
     */
    private Optional<AuditRecord> newestAcceptedStart(String cluster, String tenant) {
        List<?> ids = em.createNativeQuery("SELECT r.id FROM audit_record r"
                + " WHERE r.cluster_name = ?1 AND r.outcome = 'ACCEPTED' AND r.action_name LIKE 'BACKUP%' AND ("
                + "   EXISTS (SELECT 1 FROM audit_job_start s WHERE s.record_id = r.id AND s.tenant_name = ?2)"
                + "   OR EXISTS (SELECT 1 FROM audit_record_tenant t WHERE t.record_id = r.id AND t.tenant_name = ?2)"
                + "   OR (EXISTS (SELECT 1 FROM audit_record_tenant t WHERE t.record_id = r.id AND t.tenant_name = '*')"
                + "       AND NOT EXISTS (SELECT 1 FROM audit_job_start s WHERE s.record_id = r.id)))"
                + " ORDER BY r.id DESC")
                .setParameter(1, cluster)
                .setParameter(2, tenant)
                .setMaxResults(1)
                .getResultList();
        return ids.isEmpty() ? Optional.empty()
                : Optional.ofNullable(AuditRecord.findById(((Number) ids.get(0)).longValue()));
    }

    /** A job start as stored; a key without one (older records) stores the epoch, which no real job has. */
    static LocalDateTime startColumn(JobRef job) {
        return job.start() == null ? NO_START : job.start();
    }

    static final LocalDateTime NO_START = LocalDateTime.of(1970, 1, 1, 0, 0);

    private static List<String> redacted(List<String> statements) {
        List<String> out = new ArrayList<>();
        for (String statement : statements == null ? List.<String>of() : statements) {
            out.add(SecretGuard.redact(statement));
        }
        return out;
    }

    private <T> T inNewTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(work);
    }

    /** A second look after a failed append; if even that fails, the first failure is what counts. */
    private <T> T afterFailure(RuntimeException first, Callable<T> lookup) {
        try {
            return inNewTransaction(lookup);
        } catch (RuntimeException second) {
            first.addSuppressed(second);
            throw unavailable(first);
        }
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, config.appendTimeout().toSeconds());
    }

    private static AuditUnavailableException unavailable(RuntimeException cause) {
        return new AuditUnavailableException("The audit trail cannot record right now, so nothing was run", cause);
    }

    /** A duplicate key in a UNIQUE index, whichever layer reports it. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1062 || "23000".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
