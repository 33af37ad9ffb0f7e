package io.obconsole.drill;

/**
 * Where a drill run is, stored in its row so that any console instance can take it up: waiting for
 * its turn on the drill cluster, restoring the scratch tenant, cleaning up, or ended.
 */
public enum DrillState {
    /** Claimed; waits until no other drill runs on its drill cluster. */
    PENDING,
    /** The RESTORE into the scratch tenant is sent (or about to be: the scratch name is recorded first). */
    RESTORING,
    /** The verdict is known; the scratch tenant and the drill's own pool are being dropped. */
    CLEANING,
    /** Restored, checked and cleaned up: the backups are proven restorable. */
    PROVEN,
    /** The restore or a check failed (the reason is kept), and everything was cleaned up. */
    FAILED,
    /** The preflight refused the run before anything was sent (no window, point outside it, pool taken ...). */
    SKIPPED;

    public boolean ended() {
        return this == PROVEN || this == FAILED || this == SKIPPED;
    }

    /** Holds the drill cluster: statements were or may have been sent there. */
    public boolean holdsCluster() {
        return this == RESTORING || this == CLEANING;
    }
}
