package io.obconsole.alert;

import java.time.Duration;

/**
 * One figure of an objective against the tenant's state.
 *
 * @param actual   how old or how far behind it is now; null when there is nothing to measure (no backup set)
 * @param distance how far the figure is from passing its limit
 * @param reason   the state in words, for people
 */
public record ObjectiveCheck(Figure figure, ObjectiveState state, Duration actual, Duration limit, Distance distance,
        String reason) {

    /** The three figures an objective limits. */
    public enum Figure {
        LAST_BACKUP, LAST_FULL, ARCHIVE_LAG
    }
}
