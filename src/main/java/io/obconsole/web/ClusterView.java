package io.obconsole.web;

import java.util.List;

/**
 * A cluster on the overview: the tenants the reader may see (from the last read, which may be
 * older than the problem), or why it could not be read; the rest of the page works regardless.
 *
 * @param reason   why the last read failed (or that none happened yet), null while it answers
 * @param readAgo  how long ago its data was read, in words; null before the first read
 * @param severity how bad its worst part is (3: no data or unreachable, 2: something blocks, 1: a warning)
 */
public record ClusterView(String name, boolean reachable, String reason, String version, List<TenantRow> tenants,
        String readAgo, int severity) {
}
