package io.obconsole.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clusters and tenants a person's {@code ob_scopes} cover, parsed once so that decisions
 * and database filters (the audit query) read the same rule: {@code cluster/tenant} covers one
 * tenant, {@code cluster/*} the whole cluster including "all tenants" actions. Matching is exact
 * and case-sensitive; any other pattern (globs, missing parts, spaces) is ignored.
 *
 * @param everything    true for admins: no filter at all
 * @param wholeClusters clusters covered with {@code cluster/*}
 * @param tenants       the single tenants covered, per cluster (clusters in wholeClusters omitted)
 */
public record TenantScope(boolean everything, Set<String> wholeClusters, Map<String, Set<String>> tenants) {

    /** Matches {@code cluster/tenant} or {@code cluster/*}: the shapes of config keys and tenant names. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*/([A-Za-z_][A-Za-z0-9_]*|\\*)");

    public static final TenantScope ALL = new TenantScope(true, Set.of(), Map.of());
    public static final TenantScope NONE = new TenantScope(false, Set.of(), Map.of());

    public TenantScope {
        wholeClusters = Set.copyOf(wholeClusters);
        Map<String, Set<String>> copy = new HashMap<>();
        tenants.forEach((cluster, names) -> copy.put(cluster, Set.copyOf(names)));
        tenants = Map.copyOf(copy);
    }

    /** The scope the given {@code ob_scopes} patterns grant; invalid patterns grant nothing. */
    public static TenantScope of(List<String> patterns) {
        Set<String> whole = new HashSet<>();
        Map<String, Set<String>> single = new HashMap<>();
        for (String pattern : patterns == null ? List.<String>of() : patterns) {
            if (pattern == null || !VALID.matcher(pattern).matches()) {
                continue;
            }
            int slash = pattern.indexOf('/');
            String cluster = pattern.substring(0, slash);
            String tenant = pattern.substring(slash + 1);
            if (tenant.equals("*")) {
                whole.add(cluster);
            } else {
                single.computeIfAbsent(cluster, c -> new HashSet<>()).add(tenant);
            }
        }
        whole.forEach(single::remove);
        return new TenantScope(false, whole, single);
    }

    /** Whether the tenant is covered; {@code tenant} "*" (every tenant) needs the whole cluster. */
    public boolean covers(String cluster, String tenant) {
        if (everything) {
            return true;
        }
        if (cluster == null || tenant == null) {
            return false;
        }
        if (wholeClusters.contains(cluster)) {
            return true;
        }
        return !tenant.equals("*") && tenants.getOrDefault(cluster, Set.of()).contains(tenant);
    }

    /**
     * Whether the scope covers some tenant of the cluster (one of them or all): the clusters a
     * person sees at all. A cluster the scope does not name stays out of every list.
     */
    public boolean reaches(String cluster) {
        return everything || cluster != null && (wholeClusters.contains(cluster) || tenants.containsKey(cluster));
    }

    public boolean coversWholeCluster(String cluster) {
        return everything || wholeClusters.contains(cluster);
    }

    public boolean isEmpty() {
        return !everything && wholeClusters.isEmpty() && tenants.isEmpty();
    }

    /** The patterns this scope stands for, sorted; for display and logs. */
    public List<String> patterns() {
        List<String> out = new ArrayList<>();
        wholeClusters.forEach(c -> out.add(c + "/*"));
        tenants.forEach((c, names) -> names.forEach(t -> out.add(c + "/" + t)));
        out.sort(null);
        return out;
    }
}
