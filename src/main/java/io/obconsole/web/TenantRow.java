package io.obconsole.web;

import io.obconsole.cluster.TenantState;
import java.util.List;

/**
 * One user tenant on the overview: its backup state, how fresh its recovery points are, its
 * running jobs, the preflight badges, whether the reader may start a backup of it, and its
 * recoverable window (latest point, or why there is none), and how it stands ({@link TenantHealth}).
 */
public record TenantRow(String cluster, TenantState state, Freshness full, Freshness inc, List<JobView> running,
        List<Badge> badges, boolean canStart, RecoverableWindowSection window, TenantHealth health) {

    public String name() {
        return state.name();
    }

    /** How bad the tenant's worst part is: 2 blocks or is stale, 1 warns or ages, 0 is fine (worst-first order). */
    public int severity() {
        return severity(full, inc, badges);
    }

    static int severity(Freshness full, Freshness inc, List<Badge> badges) {
        int worst = full == Freshness.STALE || full == Freshness.MISSING ? 2 : full == Freshness.AGING ? 1 : 0;
        worst = Math.max(worst, inc == Freshness.STALE ? 2 : inc == Freshness.AGING ? 1 : 0);
        for (Badge badge : badges) {
            worst = Math.max(worst, badge.detail() == null ? 0 : badge.ok() ? 1 : 2);
        }
        return worst;
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
