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

    /** A preflight fact shown as a badge: its words, and whether it stands in the way of a backup. */
    public record Badge(String text, boolean ok) {

        public String css() {
            return ok ? "ok" : "bad";
        }
    }
}
