package io.obconsole.alert;

import java.time.LocalDateTime;

/**
 * The newest moment a tenant can be restored to, by one definition for the objective, the
 * timeline and (as its upper end) the recoverable window: nothing without a successful backup set
 * to restore from; the archive checkpoint while log archiving is DOING past that set's end; the
 * set's end otherwise.
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
