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

    /** The figures the objectives limit, each of one objective. */
    public enum Figure {
        LAST_BACKUP(ObjectiveKind.RECOVERY_POINT), LAST_FULL(ObjectiveKind.RECOVERY_POINT),
        ARCHIVE_LAG(ObjectiveKind.RECOVERY_POINT), RESTORE_TIME(ObjectiveKind.RESTORE_TIME),
        LAST_PROVEN(ObjectiveKind.PROVEN_WITHIN);

        private final ObjectiveKind objective;

        Figure(ObjectiveKind objective) {
            this.objective = objective;
        }

        public ObjectiveKind objective() {
            return objective;
        }
    }
}
