package io.obconsole.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One scheduled slot of a policy: claimed by the console instance that runs it (the database's
 * unique key on policy, kind and slot lets only one claim succeed), then its outcome.
 */
@Entity
@Table(name = "backup_policy_run")
public class PolicyRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "policy_id", nullable = false)
    public long policyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "backup_kind", nullable = false)
    public io.obconsole.cluster.BackupType kind;

    /** UTC. */
    @Column(name = "slot", nullable = false, columnDefinition = "DATETIME(6)")
    public LocalDateTime slot;

    @Column(name = "cluster_name", nullable = false)
    public String cluster;

    @Column(name = "tenant_name", nullable = false)
    public String tenant;

    @Column(name = "claimed_at", nullable = false, columnDefinition = "DATETIME(6)")
    public LocalDateTime claimedAt;

    @Column(name = "recorded_at", columnDefinition = "DATETIME(6)")
    public LocalDateTime recordedAt;

    /** Null while the start is under way. */
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public PolicyRunOutcome outcome;

    @Column(name = "reason")
    public String reason;

    @Column(name = "audit_id")
    public Long auditId;

    /** {@code tenant:tenant id:job id}, comma-separated. */
    @Column(name = "job_refs")
    public String jobRefs;

    public static List<PolicyRun> recent(long policyId, int limit) {
        return find("policyId = ?1 order by slot desc, id desc", policyId).page(0, limit).list();
    }

    /** The newest slot of that kind the policy has a run for. */
    public static Optional<LocalDateTime> lastSlot(long policyId, io.obconsole.cluster.BackupType kind) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(r.slot) from PolicyRun r where r.policyId = :policy and r.kind = :kind",
                        LocalDateTime.class)
                .setParameter("policy", policyId).setParameter("kind", kind).getSingleResult());
    }
}
