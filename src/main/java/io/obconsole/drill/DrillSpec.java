package io.obconsole.drill;

import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.ObDialect;
import io.obconsole.policy.Schedule;
import java.time.Duration;

/**
 * What an admin sets in a drill policy.
 *
 * @param drillCluster where scratch tenants are restored (a sys-mode cluster)
 * @param drillPool    a free pool of the drill cluster, or null: each run creates a unit and pool sized like the source's
 * @param secretName   the name of the secret holding the decryption password (never the password)
 * @param concurrency  the RESTORE's {@code concurrency} option (0-100), or null: OceanBase's default
 * @param timeLimit    after this the drill is stopped (CANCEL RESTORE) and counted as failed
 */
public record DrillSpec(Schedule schedule, String drillCluster, String drillPool, DrillPoint point, String secretName,
        Integer concurrency, Duration timeLimit) {

    static final Duration SHORTEST_LIMIT = Duration.ofMinutes(1);
    static final Duration LONGEST_LIMIT = Duration.ofDays(2);

    /**
     * Checks what needs nothing but the spec itself and is not declared where it is read (the API
     * body, the page form): a schedule and a drill cluster at all, the pool's name, the time limit's
     * range (on the duration read, which the API gives as ISO-8601 and the page in minutes).
     */
    public void validate() {
        if (schedule == null) {
            throw new InvalidRequestException("A drill policy needs a schedule (cron, or days and time)");
        }
        if (drillCluster == null || drillCluster.isBlank()) {
            throw new InvalidRequestException("A drill policy needs the drill cluster the scratch tenants go to");
        }
        if (drillPool != null) {
            ObDialect.checkResourceName(drillPool, "resource pool");
        }
        if (point == null) {
            throw new InvalidRequestException("point is LATEST or RANDOM");
        }
        if (timeLimit != null && (timeLimit.compareTo(SHORTEST_LIMIT) < 0 || timeLimit.compareTo(LONGEST_LIMIT) > 0)) {
            String rule = "A drill's time limit is between 1 minute and 2 days";
            throw new InvalidRequestException(rule + "; got " + timeLimit, rule);
        }
    }
}
