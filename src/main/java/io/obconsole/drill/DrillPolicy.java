package io.obconsole.drill;

import io.obconsole.access.Operator;
import io.obconsole.policy.PolicyEntity;
import io.obconsole.policy.Schedule;
import io.obconsole.policy.Seconds;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's restore drill policy (or, with {@code *}, every tenant of a cluster): when to drill,
 * where the scratch tenant goes, which point, the NAME of the decryption secret, and the owner with
 * the roles and scopes they had when they saved it (a run acts on their behalf).
 */
@Entity
@Table(name = "drill_policy")
public class DrillPolicy extends PolicyEntity {

    @Column(name = "schedule_cron", nullable = false)
    public String cron;

    @Column(name = "drill_cluster", nullable = false)
    public String drillCluster;

    /** A free pool of the drill cluster, or null: each run creates its own unit and pool. */
    @Column(name = "drill_pool")
    public String drillPool;

    @Enumerated(EnumType.STRING)
    @Column(name = "point_choice", nullable = false)
    public DrillPoint point;

    @Column(name = "secret_name")
    public String secretName;

    @Column(name = "concurrency")
    public Integer concurrency;

    @Column(name = "time_limit_s", nullable = false)
    @Convert(converter = Seconds.class)
    public Duration timeLimit;

    public static Optional<DrillPolicy> of(String cluster, String tenant) {
        return find("cluster = ?1 and tenant = ?2", cluster, tenant).firstResultOptional();
    }

    public static List<DrillPolicy> all() {
        return list("order by cluster, tenant");
    }

    public Schedule schedule() {
        return new Schedule(cron, ZoneId.of(timeZone));
    }

    /** The person a run acts for: "drill policy 3 on behalf of ada", with the roles and scopes saved with the policy. */
    public Operator owner() {
        return ownership.actingAs("drill policy " + id + " on behalf of " + ownership.username);
    }
}
