package io.obconsole.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The append-only audit trail in the console's own database. Every method either records
 * durably or throws {@link AuditUnavailableException}: callers run nothing on a cluster when
 * the intent could not be recorded.
 */
public interface AuditTrail {

    /**
     * Records the intent before any SQL runs.
     *
     * @return the id of the intent record, to which the outcome is linked
     * @throws AuditUnavailableException if the audit database cannot take the record
     * @throws DuplicateActionException  if an intent with the same idempotency key exists
     *                                   (across every console instance sharing the database)
     */
    long recordIntent(ActionIntent intent);

    /**
     * Records how the action ended.
     *
     * @param statements the SQL as sent, secrets already redacted
     * @param obCode     the OceanBase error number when OceanBase rejected it, else null
     * @param jobIds     the ids of the jobs the action started, per tenant name
     */
    void recordOutcome(long intentId, AuditOutcome outcome, List<String> statements, Integer obCode,
            String obText, List<JobRef> jobIds);

    /**
     * Records that a job ended, linked to the action that started it. Exactly once per
     * {@link JobRef#key()}, enforced by the database, across restarts and instances.
     *
     * @return true if this call wrote the record, false if it existed already
     */
    boolean recordJobEnded(JobRef job, String status, long result, String comment);

    /**
     * Records a refused attempt as one record (nothing was intended, nothing ran): its outcome is
     * {@link AuditOutcome#REFUSED_FORBIDDEN} or {@link AuditOutcome#REFUSED_INVALID}, the reason
     * is its text. Callers bound the rate per person (see {@link Refusals}).
     */
    void recordRefusal(ActionIntent attempt, AuditOutcome outcome, String reason);

    /**
     * Jobs the console started whose end is not on the trail yet, oldest first (at most
     * {@code limit}): what a console that was stopped mid-job must look up when it starts.
     */
    List<JobRef> unendedStarts(int limit);

    /** Who started the newest backup of a tenant through the console, and when. */
    Optional<StartedBy> lastStart(String cluster, String tenant);

    /**
     * Who started this very job through the console, and when; empty for a job the console did
     * not start (an operator at a terminal, another tool). Implementations that cannot match
     * job ids fall back to {@link #lastStart}.
     */
    default Optional<StartedBy> startOf(JobRef job) {
        return lastStart(job.cluster(), job.tenantName());
    }

    /**
     * A job on a cluster, keyed as OceanBase never repeats it: job ids start over on a recreated
     * cluster or a new incarnation, so the id alone is never a key; with the tenant id, the
     * incarnation and the start time (microseconds, cluster time) it is.
     *
     * @param start the job's START_TIMESTAMP; null only in records written before job keys had it
     */
    record JobRef(String cluster, long tenantId, String tenantName, long incarnation, long jobId,
            LocalDateTime start) {

        public JobRef {
            start = start == null ? null : start.truncatedTo(ChronoUnit.MICROS);
        }

        /**
         * {@code cluster/tenantId/incarnation/jobId/startMicros} (microseconds since the epoch, the
         * start read as UTC), the same text as the fleet's {@code JobKey}: the same job gives the
         * same text, another job never.
         */
        public String key() {
            long micros = start == null ? 0 : start.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + start.getNano() / 1000;
            return cluster + "/" + tenantId + "/" + incarnation + "/" + jobId + "/" + micros;
        }
    }

    /** The person and time behind a running backup. */
    record StartedBy(String username, Instant at, long intentId) {
    }
}
