package io.obconsole.policy;

import io.obconsole.backup.InvalidRequestException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

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

    /**
     * The figures as a person typed them (ISO-8601 durations such as {@code PT12H}, {@code P7D};
     * blank: not set; {@code PT0S}: no objective for that figure), the same rules wherever they are
     * typed: a tenant's own objective, a backup policy's.
     */
    public static ObjectiveOverride parse(String maxBackupAge, String maxFullAge, String maxArchiveLag) {
        return parse(maxBackupAge, maxFullAge, maxArchiveLag, null, null);
    }

    /** As {@link #parse(String, String, String)}, with the restore-time and proven-within figures. */
    public static ObjectiveOverride parse(String maxBackupAge, String maxFullAge, String maxArchiveLag,
            String maxRestoreTime, String provenWithin) {
        return new ObjectiveOverride(limit("maxBackupAge", maxBackupAge), limit("maxFullAge", maxFullAge),
                limit("maxArchiveLag", maxArchiveLag), limit("maxRestoreTime", maxRestoreTime),
                limit("provenWithin", provenWithin));
    }

    private static Duration limit(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Duration d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.compareTo(MAX) > 0 || !d.isZero() && d.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new InvalidRequestException(name + " must be between PT1M and P366D (PT0S: no objective for it)");
            }
            return d;
        } catch (DateTimeParseException e) {
            String rule = name + " must be an ISO-8601 duration such as PT12H, P1D or P7D";
            throw new InvalidRequestException(rule + ", not '" + value + "'", rule);
        }
    }
}
