package io.obconsole.drill;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tenant's {@link DrillStanding}, read from the console database in one go (once per
 * objective round: another instance may have run a drill); the last read is kept for the metrics.
 */
@ApplicationScoped
public class DrillStandings {

    private final DrillMetrics metrics;
    private volatile Lookup latest = Lookup.EMPTY;

    DrillStandings(DrillMetrics metrics) {
        this.metrics = metrics;
    }

    /** The standings as of now. */
    public Lookup read() {
        Lookup read = QuarkusTransaction.requiringNew().call(DrillStandings::query);
        latest = read;
        metrics.update(read);
        return read;
    }

    /** The standings of the last {@link #read()}. */
    public Lookup latest() {
        return latest;
    }

    private static Lookup query() {
        Map<String, DrillRun> proven = new HashMap<>();
        List<DrillRun> lastProven = DrillRun.find("from DrillRun d where d.state = ?1 and d.endedAt = (select max(r.endedAt) "
                + "from DrillRun r where r.cluster = d.cluster and r.tenant = d.tenant and r.state = ?1)", DrillState.PROVEN)
                .list();
        lastProven.forEach(r -> proven.merge(key(r.cluster, r.tenant), r, (a, b) -> a.id > b.id ? a : b));
        Map<String, java.time.Instant> covered = new HashMap<>();
        for (DrillPolicy p : DrillPolicy.<DrillPolicy>listAll()) {
            covered.put(key(p.cluster, p.tenant), DrillRuns.instant(p.createdAt));
        }
        Map<String, DrillStanding> byTenant = new HashMap<>();
        proven.forEach((key, run) -> {
            DrillRunView view = DrillRunView.of(run);
            byTenant.put(key, new DrillStanding(view.endedAt(), view.restoreSeconds() == null ? null
                    : Duration.ofSeconds(view.restoreSeconds()), null));
        });
        return new Lookup(Map.copyOf(byTenant), Map.copyOf(covered));
    }

    static String key(String cluster, String tenant) {
        return cluster + "/" + tenant;
    }

    /** The standings by tenant; a tenant's own drill policy decides its cover, else its cluster's for every tenant. */
    public record Lookup(Map<String, DrillStanding> proven, Map<String, java.time.Instant> policies) {

        static final Lookup EMPTY = new Lookup(Map.of(), Map.of());

        public DrillStanding of(String cluster, String tenant) {
            DrillStanding p = proven.getOrDefault(key(cluster, tenant), DrillStanding.NONE);
            java.time.Instant since = policies.getOrDefault(key(cluster, tenant),
                    policies.get(key(cluster, DrillPolicy.ALL_TENANTS)));
            return new DrillStanding(p.provenAt(), p.restoreTime(), since);
        }
    }
}
