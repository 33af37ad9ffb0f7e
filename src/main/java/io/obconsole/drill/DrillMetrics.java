package io.obconsole.drill;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Prometheus rules need of drills, per cluster and tenant: {@code obconsole_drill_runs_total{outcome}}
 * (runs this instance ended; every outcome starts at 0 when a run is taken up, so the first
 * failure is an increase), and of the last PROVEN drill {@code obconsole_drill_last_proven_timestamp_seconds}
 * and {@code obconsole_drill_restore_duration_seconds}, from the last read of the drill standings.
 */
@ApplicationScoped
public class DrillMetrics {

    private static final List<DrillState> OUTCOMES = List.of(DrillState.PROVEN, DrillState.FAILED, DrillState.SKIPPED);

    private final MeterRegistry registry;
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();
    private volatile DrillStandings.Lookup latest = DrillStandings.Lookup.EMPTY;

    DrillMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A run of the tenant is under way: its outcome counters exist from now on, at 0 until one ends so. */
    void started(DrillRun run) {
        OUTCOMES.forEach(outcome -> runs(run.cluster, run.tenant, outcome));
    }

    void ended(@Observes DrillEnded ended) {
        runs(ended.cluster(), ended.tenant(), ended.state()).increment();
    }

    private Counter runs(String cluster, String tenant, DrillState outcome) {
        return Counter.builder("obconsole.drill.runs").tags("cluster", cluster, "tenant", tenant, "outcome", outcome.name())
                .description("Restore drill runs this console instance ended, by outcome (PROVEN, FAILED, SKIPPED)")
                .register(registry);
    }

    /** The standings just read: gauges for tenants proven for the first time. */
    void update(DrillStandings.Lookup read) {
        latest = read;
        for (String key : read.proven().keySet()) {
            if (gauges.add(key)) {
                String cluster = key.substring(0, key.indexOf('/'));
                String tenant = key.substring(key.indexOf('/') + 1);
                Gauge.builder("obconsole.drill.last.proven.timestamp", this, m -> {
                    DrillStanding s = m.latest.proven().get(key);
                    return s == null || s.provenAt() == null ? Double.NaN : s.provenAt().toEpochMilli() / 1000.0;
                }).tags("cluster", cluster, "tenant", tenant).baseUnit("seconds")
                        .description("When the tenant's last PROVEN restore drill ended (Unix time)").register(registry);
                Gauge.builder("obconsole.drill.restore.duration", this, m -> {
                    DrillStanding s = m.latest.proven().get(key);
                    return s == null || s.restoreTime() == null ? Double.NaN : s.restoreTime().toMillis() / 1000.0;
                }).tags("cluster", cluster, "tenant", tenant).baseUnit("seconds")
                        .description("How long the restore of the tenant's last PROVEN drill took (its measured RTO)")
                        .register(registry);
            }
        }
    }
}
