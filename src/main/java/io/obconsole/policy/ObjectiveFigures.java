package io.obconsole.policy;

import io.obconsole.backup.Quote;
import jakarta.validation.groups.Default;

/**
 * An objective's figures as a person types them, wherever they are typed (a tenant's own
 * objective, a backup policy's): ISO-8601 durations such as {@code PT12H} or {@code P7D}, any case;
 * blank: not set; {@code PT0S}: no objective for that figure. The rules are declared here once.
 */
public record ObjectiveFigures(
        @IsoDuration(figure = "maxBackupAge", payload = Quote.InQuotes.class, groups = {Default.class, RecoveryPoint.class})
        @ObjectiveLimit(figure = "maxBackupAge", groups = {Default.class, RecoveryPoint.class}) String maxBackupAge,
        @IsoDuration(figure = "maxFullAge", payload = Quote.InQuotes.class, groups = {Default.class, RecoveryPoint.class})
        @ObjectiveLimit(figure = "maxFullAge", groups = {Default.class, RecoveryPoint.class}) String maxFullAge,
        @IsoDuration(figure = "maxArchiveLag", payload = Quote.InQuotes.class, groups = {Default.class, RecoveryPoint.class})
        @ObjectiveLimit(figure = "maxArchiveLag", groups = {Default.class, RecoveryPoint.class}) String maxArchiveLag,
        @IsoDuration(figure = "maxRestoreTime", payload = Quote.InQuotes.class)
        @ObjectiveLimit(figure = "maxRestoreTime") String maxRestoreTime,
        @IsoDuration(figure = "provenWithin", payload = Quote.InQuotes.class)
        @ObjectiveLimit(figure = "provenWithin") String provenWithin) {

    /** The recovery-point figures alone: what a backup policy sets (it does not read the other two). */
    public interface RecoveryPoint {
    }

    /** The recovery-point figures only. */
    public static ObjectiveFigures recoveryPoint(String maxBackupAge, String maxFullAge, String maxArchiveLag) {
        return new ObjectiveFigures(maxBackupAge, maxFullAge, maxArchiveLag, null, null);
    }

    /** All five figures, read once they keep the rules above. */
    public ObjectiveOverride override() {
        return new ObjectiveOverride(read(maxBackupAge), read(maxFullAge), read(maxArchiveLag), read(maxRestoreTime),
                read(provenWithin));
    }

    /** The recovery-point figures, read once they keep the rules of {@link RecoveryPoint}. */
    public ObjectiveOverride recoveryPointOverride() {
        return new ObjectiveOverride(read(maxBackupAge), read(maxFullAge), read(maxArchiveLag));
    }

    private static java.time.Duration read(String value) {
        return value == null || value.isBlank() ? null : ObjectiveOverride.duration(value).orElseThrow();
    }
}
