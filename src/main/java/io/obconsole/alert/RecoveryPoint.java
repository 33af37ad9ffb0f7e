package io.obconsole.alert;

import io.obconsole.fleet.ClusterTime;
import io.obconsole.window.RestoreWindow;
import java.time.LocalDateTime;

/**
 * The newest moment a tenant can be restored to, by one definition for the objective, the
 * timeline and the recoverable window: where the window is computed, its upper end (nothing while
 * it is empty); before that, and for the timeline's past, nothing without a successful backup set,
 * the archive checkpoint while log archiving is DOING past that set's end, the set's end otherwise.
 *
 * @param at null when there is none
 */
public record RecoveryPoint(LocalDateTime at, RecoveryPointSource source) {

    public static final RecoveryPoint NONE = new RecoveryPoint(null, RecoveryPointSource.NONE);

    /**
     * @param newestGoodSetEnd end of the newest successful backup set (null: none succeeded)
     * @param archiving        whether log archiving is DOING
     * @param checkpoint       the archive checkpoint (null: nothing archived)
     */
    /**
     * Once the recoverable window is computed, its upper end: none while it is empty (no usable set,
     * or no archive log continues one), else its latest point, from the archive when that lies past
     * the newest good set's end.
     */
    public static RecoveryPoint of(RestoreWindow window, LocalDateTime newestGoodSetEnd) {
        return window.latest().map(latest -> {
            LocalDateTime at = ClusterTime.ofInstant(latest.toInstant());
            return new RecoveryPoint(at, newestGoodSetEnd != null && !at.isAfter(newestGoodSetEnd)
                    ? RecoveryPointSource.BACKUP_SET : RecoveryPointSource.ARCHIVE);
        }).orElse(NONE);
    }

    /** Before the window is known (and for the timeline's past): from the newest good set and the archive. */
    public static RecoveryPoint of(LocalDateTime newestGoodSetEnd, boolean archiving, LocalDateTime checkpoint) {
        if (newestGoodSetEnd == null) {
            return NONE;
        }
        if (archiving && checkpoint != null && checkpoint.isAfter(newestGoodSetEnd)) {
            return new RecoveryPoint(checkpoint, RecoveryPointSource.ARCHIVE);
        }
        return new RecoveryPoint(newestGoodSetEnd, RecoveryPointSource.BACKUP_SET);
    }
}
