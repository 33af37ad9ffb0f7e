package io.obconsole.drill;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What drills proved of the tenants one person may see, read at once for the overview: per tenant
 * its last proof, the drill running now, and whether a drill policy covers it at all.
 */
public final class DrillOverview {

    private final Set<String> covered = new HashSet<>();
    private final Map<String, DrillRunView> proven = new HashMap<>();
    private final Map<String, DrillRunView> running = new HashMap<>();
    private final Instant now;

    private DrillOverview(Instant now) {
        this.now = now;
    }

    static DrillOverview of(List<DrillPolicy> policies, List<DrillRunView> lastProven, List<DrillRunView> unended,
            Instant now) {
        DrillOverview s = new DrillOverview(now);
        policies.forEach(p -> s.covered.add(key(p.cluster, p.tenant)));
        lastProven.forEach(r -> s.proven.merge(key(r.cluster(), r.tenant()), r, (a, b) -> a.id() > b.id() ? a : b));
        unended.forEach(r -> s.running.merge(key(r.cluster(), r.tenant()), r, (a, b) -> a.id() > b.id() ? a : b));
        return s;
    }

    /** The tenant's standing; "no drill policy" only when none covers it and none ever proved it. */
    public Standing of(String cluster, String tenant) {
        DrillRunView last = proven.get(key(cluster, tenant));
        DrillRunView now = running.get(key(cluster, tenant));
        boolean policy = covered.contains(key(cluster, tenant)) || covered.contains(key(cluster, DrillPolicy.ALL_TENANTS));
        return new Standing(last == null ? null : DrillProof.of(cluster, tenant, last, last, this.now), now, policy);
    }

    /**
     * @param proof   the last successful drill in words, or null: never proven
     * @param running the drill of the tenant that is not over yet, or null
     * @param policy  whether a drill policy (the tenant's or the cluster's {@code *}) covers the tenant
     */
    public record Standing(DrillProof proof, DrillRunView running, boolean policy) {
    }

    private static String key(String cluster, String tenant) {
        return cluster + "/" + tenant;
    }
}
