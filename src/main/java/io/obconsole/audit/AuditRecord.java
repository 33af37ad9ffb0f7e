package io.obconsole.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Map;
import org.hibernate.annotations.Immutable;

/**
 * One row of the append-only audit trail: an intent, an outcome, or a job that ended. Rows are
 * written once by {@link ChainAppender} and never changed: Hibernate treats the entity as
 * immutable, and the delete and update shortcuts Panache would offer are closed here.
 */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** UTC, microseconds; a LocalDateTime so no driver or JVM time zone shifts it. */
    @Column(name = "recorded_at", nullable = false, columnDefinition = "DATETIME(6)")
    public LocalDateTime recordedAt;

    @Column(name = "actor_username", nullable = false)
    public String actorUsername;

    @Column(name = "actor_subject")
    public String actorSubject;

    /** Realm roles, sorted, comma-separated. */
    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "action_name", nullable = false)
    public String action;

    @Column(name = "cluster_name", nullable = false)
    public String cluster;

    /** JSON array of tenant names, {@code ["*"]} for every tenant. */
    @Column(name = "tenants", nullable = false)
    public String tenants;

    /** JSON object of the options as shown to people (passwords only as set / not set). */
    @Column(name = "action_params", nullable = false)
    public String parameters;

    /** JSON array of the SQL as sent, secrets redacted. */
    @Column(name = "sql_statements")
    public String statements;

    @Column(name = "outcome", nullable = false)
    public String outcome;

    @Column(name = "ob_code")
    public Integer obCode;

    @Column(name = "ob_text")
    public String obText;

    /** JSON array of {@link AuditTrail.JobRef}. */
    @Column(name = "job_ids")
    public String jobIds;

    /** For outcome and job-ended records: the intent they belong to. */
    @Column(name = "intent_id")
    public Long intentId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "job_end_key")
    public String jobEndKey;

    @Column(name = "prev_hash", nullable = false, columnDefinition = "CHAR(64)")
    public String prevHash;

    @Column(name = "record_hash", nullable = false, columnDefinition = "CHAR(64)")
    public String hash;

    public AuditOutcome outcomeKind() {
        return AuditOutcome.valueOf(outcome);
    }

    // The trail is append-only: these hide the Panache shortcuts that would change it.

    @Override
    public void delete() {
        throw appendOnly();
    }

    public static long deleteAll() {
        throw appendOnly();
    }

    public static boolean deleteById(Object id) {
        throw appendOnly();
    }

    public static long delete(String query, Object... params) {
        throw appendOnly();
    }

    public static long delete(String query, Map<String, Object> params) {
        throw appendOnly();
    }

    public static long delete(String query, Parameters params) {
        throw appendOnly();
    }

    public static int update(String query, Object... params) {
        throw appendOnly();
    }

    public static int update(String query, Map<String, Object> params) {
        throw appendOnly();
    }

    public static int update(String query, Parameters params) {
        throw appendOnly();
    }

    private static UnsupportedOperationException appendOnly() {
        return new UnsupportedOperationException("The audit trail is append-only");
    }
}
