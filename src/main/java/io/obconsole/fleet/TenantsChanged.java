package io.obconsole.fleet;

import java.util.Set;

/**
 * What a page shows of these tenants as current has changed (their state read from the cluster,
 * their running jobs, their objective's evaluation): the live socket tells the pages that show
 * them to read it again. Fired by the one place that detects the change.
 */
public record TenantsChanged(String cluster, Set<String> tenants) {
}
