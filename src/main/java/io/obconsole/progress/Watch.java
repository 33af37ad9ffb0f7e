package io.obconsole.progress;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one page shows, as its socket asks for it ({@code /ws/progress?watch=demo,dr/mysql_tenant}):
 * whole clusters and single tenants. A watcher hears only of those, and of those only what its
 * person's scope allows: the watch narrows the scope, it never widens it. Without one a page hears
 * of everything in scope (the tenant and job pages).
 */
record Watch(Set<String> clusters, Set<String> tenants) {

    /** Everything the person may see. */
    static final Watch ALL = new Watch(null, null);

    /** More entries than any page shows: a list past this is not a page's. */
    static final int MAX_ENTRIES = 5000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.$-]{1,128}");

    /**
     * The socket's {@code watch} parameter: comma-separated {@code cluster} or {@code cluster/tenant}
     * entries; absent, everything in scope; empty, nothing (every row of the page is folded).
     *
     * @throws IllegalArgumentException with a sentence for the person when an entry is not a name
     */
    static Watch parse(String text) {
        if (text == null) {
            return ALL;
        }
        if (text.isEmpty()) {
            return new Watch(Set.of(), Set.of());
        }
        Set<String> clusters = new TreeSet<>();
        Set<String> tenants = new TreeSet<>();
        String[] entries = text.split(",", -1);
        if (entries.length > MAX_ENTRIES) {
            throw new IllegalArgumentException("watch lists at most " + MAX_ENTRIES + " clusters or tenants");
        }
        for (String entry : entries) {
            String[] parts = entry.split("/", -1);
            for (String part : parts) {
                if (parts.length > 2 || !NAME.matcher(part).matches()) {
                    throw new IllegalArgumentException(
                            "watch is a comma-separated list of cluster or cluster/tenant names");
                }
            }
            (parts.length == 1 ? clusters : tenants).add(entry);
        }
        return new Watch(Set.copyOf(clusters), Set.copyOf(tenants));
    }

    /** The clusters it shows a tenant of; null for ALL (every cluster in scope). */
    Set<String> clustersShown() {
        if (clusters == null) {
            return null;
        }
        Set<String> shown = new TreeSet<>(clusters);
        tenants.forEach(t -> shown.add(t.substring(0, t.indexOf('/'))));
        return shown;
    }

    boolean covers(String cluster, String tenant) {
        return clusters == null || clusters.contains(cluster) || tenants.contains(cluster + "/" + tenant);
    }
}
