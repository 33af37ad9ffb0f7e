package io.obconsole.alert;

import java.time.Duration;

/**
 * A tenant's recovery-point objective: the maximum age of its newest good backup set (FULL or
 * INCREMENTAL), of its newest good FULL, and the maximum log-archive lag. A zero duration is "no
 * objective" for that figure. {@code origin} says where each figure came from, worst-first:
 * the tenant's own setting, its backup policy, its cluster's default, the console's default.
 */
public record Objective(Duration maxBackupAge, Duration maxFullAge, Duration maxArchiveLag, String origin) {

    public static boolean set(Duration limit) {
        return limit != null && !limit.isZero() && !limit.isNegative();
    }
}
