package io.obconsole.fleet;

/**
 * Backup jobs of the cluster ended, and the fleet has read the cluster's state (the sets they
 * wrote) since: what follows from that state, the tenants' recovery points and objectives, can be
 * evaluated now instead of at the next scheduled round. Fired (asynchronously) by the poller,
 * which detects the ends once.
 */
public record JobsEnded(String cluster) {
}
