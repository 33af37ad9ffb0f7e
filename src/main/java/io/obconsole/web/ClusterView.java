package io.obconsole.web;

import java.util.List;

/**
 * A cluster on the overview: the tenants the reader may see (from the last read, which may be
 * older than the problem), or why it could not be read; the rest of the page works regardless.
 * A healthy cluster of a large view is folded to one line with its counts and opened on demand.
 *
 * @param reason    why the last read failed (or that none happened yet), null while it answers
 * @param tenants   the rows shown (all the reader may see, or those the search and filter keep)
 * @param readAgo   how long ago its data was read, in words; null before the first read
 * @param severity  how bad its worst part is (3: no data or unreachable, 2: something blocks, 1: a warning)
 * @param health    its worst tenant's state (unreachable when it does not answer)
 * @param whole     whether {@code tenants} are all of its tenants the reader may see
 * @param counts    its tenants per state, worst first, only states that occur
 * @param openHref  folded: the address of this view with it opened; null when its rows are shown
 */
public record ClusterView(String name, boolean reachable, String reason, String version, List<TenantRow> tenants,
        String readAgo, int severity, TenantHealth health, boolean whole, List<StateCount> counts, String openHref) {

    public boolean folded() {
        return openHref != null;
    }

    ClusterView showing(List<TenantRow> rows, boolean all, List<StateCount> counts) {
        return new ClusterView(name, reachable, reason, version, rows, readAgo, severity, health, all, counts, null);
    }

    ClusterView folded(String href) {
        return new ClusterView(name, reachable, reason, version, tenants, readAgo, severity, health, whole, counts, href);
    }

    /** How many tenants of one state, and the address of the view filtered to them. */
    public record StateCount(TenantHealth health, int count, String href, boolean selected) {
    }
}
