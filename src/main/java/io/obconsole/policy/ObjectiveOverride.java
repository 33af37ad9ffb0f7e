package io.obconsole.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Figures that replace a tenant's defaults where not null (an admin's setting, or a backup
 * policy's): the three of the recovery-point objective, the restore-time objective (the longest a
 * proven drill's restore may take) and how recently a drill must have proven the tenant restorable.
 */
public record ObjectiveOverride(Duration maxBackupAge, Duration maxFullAge, Duration maxArchiveLag, Duration maxRestoreTime,
        Duration provenWithin) {

    /** No figure set: the next source in line decides. */
    public static final ObjectiveOverride NONE = new ObjectiveOverride(null, null, null, null, null);

    /** Recovery-point figures only (what a backup policy may set). */
    public ObjectiveOverride(Duration maxBackupAge, Duration maxFullAge, Duration maxArchiveLag) {
        this(maxBackupAge, maxFullAge, maxArchiveLag, null, null);
    }

    private static final Duration MAX = Duration.ofDays(366);

    public boolean empty() {
        return maxBackupAge == null && maxFullAge == null && maxArchiveLag == null && maxRestoreTime == null
                && provenWithin == null;
    }

    /** The figure as typed (an ISO-8601 duration, any case), or empty when it is none. */
    public static Optional<Duration> duration(String value) {
        try {
            return Optional.of(Duration.parse(value.trim().toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code PT0S} (no objective for that figure), or from a minute to 366 days. */
    public static boolean withinLimits(Duration d) {
        return !d.isNegative() && d.compareTo(MAX) <= 0 && (d.isZero() || d.compareTo(Duration.ofMinutes(1)) >= 0);
    }
}
