package io.obconsole.web;

import io.obconsole.cluster.TenantState;
import java.util.List;

/**
 * One user tenant on the overview: its backup state, how fresh its recovery points are, its
 * running jobs, the preflight badges and whether the reader may start a backup of it.
 */
public record TenantRow(String cluster, TenantState state, Freshness full, Freshness inc, List<JobView> running,
        List<Badge> badges, boolean canStart) {

    public String name() {
        return state.name();
    }

    /**
     * A preflight finding shown as a badge: short words, whether it only warns (amber) or
     * blocks (red), the full sentence for the tooltip, and where an administrator fixes it (or null).
     */
    public record Badge(String text, boolean ok, String detail, String fixHref) {

        public String css() {
            return detail == null ? "ok" : ok ? "warn" : "bad";
        }
    }
}
