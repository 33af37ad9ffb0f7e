package io.obconsole.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Prometheus rules need, read from the board and the poller's jobs at scrape time:
 * {@code obconsole_objective_state} (0 OK, 1 AT RISK, 2 BREACHED) and
 * {@code obconsole_objective_breach_in_seconds} (negative once breached, +Inf when none is due) per tenant, both
 * of the recovery-point objective; {@code obconsole_drill_objective_state{objective="restore_time"|"proven_within"}}
 * (the same values, NaN while there is no drill data to judge),
 * {@code obconsole_recovery_point_age_seconds}, {@code obconsole_cluster_reachable} (1/0) and
 * {@code obconsole_backup_jobs_stalled} per cluster; {@code obconsole_objective_rounds_total} counts the rounds run.
 */
@ApplicationScoped
public class ObjectiveMetrics {

    private final MeterRegistry registry;
    private final ObjectiveBoard board;
    private final TenantStates states;
    private final Set<String> tenants = ConcurrentHashMap.newKeySet();
    private final Set<String> clusters = ConcurrentHashMap.newKeySet();
    private final Counter rounds;

    public ObjectiveMetrics(MeterRegistry registry, ObjectiveBoard board, TenantStates states) {
        this.registry = registry;
        this.board = board;
        this.states = states;
        this.rounds = Counter.builder("obconsole.objective.rounds")
                .description("Objective rounds run (scheduled, on a policy change, on backup jobs' ends)").register(registry);
    }

    /** Counts a round as it starts. */
    void roundRun() {
        rounds.increment();
    }

    /** Registers gauges for tenants and clusters that appeared since the last round. */
    void update() {
        for (TenantObjective o : board.all()) {
            if (tenants.add(o.cluster() + "/" + o.tenant())) {
                register(o.cluster(), o.tenant());
            }
        }
        for (TenantStates.ClusterReading reading : states.clusters()) {
            String cluster = reading.cluster();
            if (clusters.add(cluster)) {
                Gauge.builder("obconsole.cluster.reachable", states, s -> s.clusters().stream()
                        .filter(r -> r.cluster().equals(cluster)).findFirst().map(r -> r.reachable() ? 1.0 : 0.0)
                        .orElse(Double.NaN)).tags("cluster", cluster)
                        .description("1 when the cluster answered the console's last read, 0 when not").register(registry);
                Gauge.builder("obconsole.backup.jobs.stalled", states, s -> s.jobs().stream()
                        .filter(j -> j.cluster().equals(cluster) && j.running() && j.progress().stalled()).count())
                        .tags("cluster", cluster).description("Running backup jobs whose counters stopped moving")
                        .register(registry);
            }
        }
    }

    private void register(String cluster, String tenant) {
        Gauge.builder("obconsole.objective.state", board, b -> b.of(cluster, tenant)
                .map(o -> (double) o.state(ObjectiveKind.RECOVERY_POINT).severity())
                .orElse(Double.NaN)).tags("cluster", cluster, "tenant", tenant)
                .description("Recovery-point objective: 0 OK, 1 AT RISK, 2 BREACHED").register(registry);
        Gauge.builder("obconsole.objective.breach.in", board, b -> b.of(cluster, tenant)
                .map(o -> o.distance(ObjectiveKind.RECOVERY_POINT))
                .map(d -> switch (d.kind()) {
                    case DUE, PASSED -> (double) d.seconds();
                    case NOT_DUE -> Double.POSITIVE_INFINITY;
                    case UNMEETABLE -> Double.NEGATIVE_INFINITY;
                })
                .orElse(Double.NaN)).tags("cluster", cluster, "tenant", tenant).baseUnit("seconds")
                .description("Seconds until the objective is breached (negative: breached that long ago; +Inf: "
                        + "no breach due, the archive keeps up; -Inf: cannot be met as is, e.g. no backup set yet)").register(registry);
        Gauge.builder("obconsole.recovery.point.age", board, b -> b.of(cluster, tenant)
                .map(o -> o.recoveryPointAge() == null ? Double.NaN : (double) o.recoveryPointAge().getSeconds())
                .orElse(Double.NaN)).tags("cluster", cluster, "tenant", tenant).baseUnit("seconds")
                .description("Age of the newest moment the tenant can be restored to").register(registry);
        for (ObjectiveKind drill : java.util.List.of(ObjectiveKind.RESTORE_TIME, ObjectiveKind.PROVEN_WITHIN)) {
            Gauge.builder("obconsole.drill.objective.state", board, b -> b.of(cluster, tenant).filter(o -> o.measured(drill))
                    .map(o -> (double) o.state(drill).severity()).orElse(Double.NaN))
                    .tags("cluster", cluster, "tenant", tenant, "objective", drill.label())
                    .description("Drill objectives (restore_time, proven_within): 0 OK, 1 AT RISK, 2 BREACHED; "
                            + "NaN while no drill policy covers the tenant and no drill proved it").register(registry);
        }
    }
}
