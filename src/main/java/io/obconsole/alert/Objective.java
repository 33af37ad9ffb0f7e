package io.obconsole.alert;

import java.time.Duration;

/**
 * A tenant's objectives. Recovery point: the maximum age of its newest good backup set (FULL or
 * INCREMENTAL), of its newest good FULL, and the maximum log-archive lag. Restore time: the longest
 * the restore of its last proven drill may have taken. Proven within: how old its last proven
 * drill may be. A zero duration is "no objective" for that figure. Each figure comes from the
 * first of: the tenant's own setting ({@code tenant}), its backup policy ({@code policy}, recovery
 * point only), its cluster's default ({@code cluster}), the console's default ({@code default});
 * {@code origin} is the most specific of them, {@code origins} says it figure by figure.
 */
public record Objective(Duration maxBackupAge, Duration maxFullAge, Duration maxArchiveLag, Duration maxRestoreTime,
        Duration provenWithin, String origin, Origins origins) {

    /** Where each figure came from. */
    public record Origins(String maxBackupAge, String maxFullAge, String maxArchiveLag, String maxRestoreTime,
            String provenWithin) {
    }

    /** Recovery-point figures only, every one from the same place (no drill objective). */
    public Objective(Duration maxBackupAge, Duration maxFullAge, Duration maxArchiveLag, String origin) {
        this(maxBackupAge, maxFullAge, maxArchiveLag, Duration.ZERO, Duration.ZERO, origin);
    }

    /** Every figure from the same place. */
    public Objective(Duration maxBackupAge, Duration maxFullAge, Duration maxArchiveLag, Duration maxRestoreTime,
            Duration provenWithin, String origin) {
        this(maxBackupAge, maxFullAge, maxArchiveLag, maxRestoreTime, provenWithin, origin,
                new Origins(origin, origin, origin, origin, origin));
    }

    public static boolean set(Duration limit) {
        return limit != null && !limit.isZero() && !limit.isNegative();
    }
}
