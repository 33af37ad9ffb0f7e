package io.obconsole.web;

import java.util.List;

/**
 * A cluster on the overview: reachable with the tenants the reader may see, or unreachable with
 * the driver's reason (the rest of the page works regardless).
 */
public record ClusterView(String name, boolean reachable, String reason, String version, List<TenantRow> tenants) {
}
