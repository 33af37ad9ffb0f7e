package io.obconsole.web;

import io.obconsole.web.ClusterView.StateCount;
import io.obconsole.alert.TenantObjective;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * One reader's overview as their address asks for it: the counts per state at the top, the
 * clusters worst first (the folded ones last), and what the page's live socket watches.
 *
 * @param counts   tenants per state among those the search finds, each with the address of its filter
 * @param clusters the clusters shown, worst first, then the folded ones
 * @param objectives the recovery points of the tenants whose rows are shown, worst first
 * @param watch    the socket's {@code watch}: the clusters and tenants whose rows are shown, nothing else
 */
public record OverviewPage(OverviewQuery query, List<StateCount> counts, List<ClusterView> clusters, String watch,
        List<TenantObjective> objectives) {

    /** Past this the watch names whole clusters only (a little more than shown, a socket address that stays short). */
    static final int MAX_WATCH = 3000;

    /** The rows shown, as the socket's watch: a cluster shown whole by name, else each tenant shown. */
    static String watch(List<ClusterView> clusters) {
        List<String> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ClusterView cluster : clusters) {
            if (cluster.folded()) {
                continue;
            }
            names.add(cluster.name());
            if (cluster.whole()) {
                entries.add(cluster.name());
            } else {
                cluster.tenants().forEach(row -> entries.add(cluster.name() + "/" + row.name()));
            }
        }
        String watch = String.join(",", entries);
        return watch.length() <= MAX_WATCH ? watch : String.join(",", names);
    }

    /** The cluster/tenant keys of the rows shown. */
    static Set<String> shown(List<ClusterView> clusters) {
        Set<String> keys = new HashSet<>();
        clusters.stream().filter(c -> !c.folded()).forEach(c -> c.tenants().forEach(r -> keys.add(c.name() + "/" + r.name())));
        return keys;
    }

    /** How many tenant rows are shown (folded clusters' aside). */
    public int rows() {
        return clusters.stream().filter(c -> !c.folded()).mapToInt(c -> c.tenants().size()).sum();
    }
}
