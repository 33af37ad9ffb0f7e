package io.obconsole.drill;

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
 * One tenant drilled in one slot of a drill policy: claimed once across instances (unique on
 * policy, slot and tenant), then driven step by step by the instance holding its lease. Every
 * time is UTC except the restore's own start and finish, which are the drill cluster's.
 */
@Entity
@Table(name = "drill_run")
public class DrillRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "policy_id", nullable = false)
    public long policyId;

    @Column(name = "slot", nullable = false, columnDefinition = "DATETIME(6)")
    public LocalDateTime slot;

    @Column(name = "cluster_name", nullable = false)
    public String cluster;

    @Column(name = "tenant_name", nullable = false)
    public String tenant;

    @Column(name = "drill_cluster", nullable = false)
    public String drillCluster;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    public DrillState state;

    @Column(name = "claimed_at", nullable = false, columnDefinition = "DATETIME(6)")
    public LocalDateTime claimedAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until", columnDefinition = "DATETIME(6)")
    public LocalDateTime leaseUntil;

    @Column(name = "scratch_tenant")
    public String scratchTenant;

    @Column(name = "scratch_created", nullable = false)
    public boolean scratchCreated;

    @Column(name = "scratch_tenant_id")
    public Long scratchTenantId;

    @Column(name = "pool_name")
    public String poolName;

    @Column(name = "unit_name")
    public String unitName;

    @Column(name = "pool_created", nullable = false)
    public boolean poolCreated;

    @Column(name = "point_scn")
    public Long pointScn;

    @Column(name = "restore_job_id")
    public Long restoreJobId;

    @Column(name = "restore_audit_id")
    public Long restoreAuditId;

    @Column(name = "started_at", columnDefinition = "DATETIME(6)")
    public LocalDateTime startedAt;

    @Column(name = "restore_started_at", columnDefinition = "DATETIME(6)")
    public LocalDateTime restoreStartedAt;

    @Column(name = "restore_finished_at", columnDefinition = "DATETIME(6)")
    public LocalDateTime restoreFinishedAt;

    @Column(name = "ended_at", columnDefinition = "DATETIME(6)")
    public LocalDateTime endedAt;

    /** TOTAL_BYTES of the drill's restore: what it read from the backup. */
    @Column(name = "restored_bytes")
    public Long restoredBytes;

    /** One check per line: {@code PASS|FAIL <what was checked>}. */
    @Column(name = "checks")
    public String checks;

    @Column(name = "failure")
    public String failure;

    /** What the run waits for now, while it is not over (its drill cluster does not answer ...); null while it moves on. */
    @Column(name = "waiting_reason")
    public String waiting;

    static List<DrillRun> unended() {
        return list("state not in ?1 order by id", List.of(DrillState.PROVEN, DrillState.FAILED, DrillState.SKIPPED));
    }

    static List<DrillRun> recent(String cluster, String tenant, int limit) {
        return find("cluster = ?1 and tenant = ?2 order by id desc", cluster, tenant).page(0, limit).list();
    }

    /** Each tenant's last proven run. */
    static List<DrillRun> lastProvenOfEach() {
        return list("from DrillRun r where r.state = ?1 and r.endedAt = (select max(x.endedAt) from DrillRun x "
                + "where x.cluster = r.cluster and x.tenant = r.tenant and x.state = ?1)", DrillState.PROVEN);
    }

    /** Each tenant's last run that proved or failed (skipped runs proved nothing either way). */
    static List<DrillRun> lastEndedOfEach() {
        return list("from DrillRun r where r.state in ?1 and r.endedAt = (select max(x.endedAt) from DrillRun x "
                + "where x.cluster = r.cluster and x.tenant = r.tenant and x.state in ?1)",
                List.of(DrillState.PROVEN, DrillState.FAILED));
    }

    static Optional<DrillRun> lastProven(String cluster, String tenant) {
        return find("cluster = ?1 and tenant = ?2 and state = ?3 order by endedAt desc", cluster, tenant,
                DrillState.PROVEN).firstResultOptional();
    }
}
