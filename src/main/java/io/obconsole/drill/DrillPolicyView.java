package io.obconsole.drill;

import io.obconsole.policy.PolicyView;
import java.time.Instant;

/** A drill policy as people read it, with its next run. */
public record DrillPolicyView(long id, String cluster, String tenant, PolicyView.ScheduleView schedule, String timeZone,
        String drillCluster, String drillPool, DrillPoint point, String decryptionSecret, Integer concurrency,
        long timeLimitSeconds, boolean paused, String owner, Instant updatedAt, Instant nextRun) {

    /** The time limit in whole minutes, as the pages show and take it. */
    public long timeLimitMinutes() {
        return timeLimitSeconds / 60;
    }

    static DrillPolicyView of(DrillPolicy p, Instant nextRun) {
        return new DrillPolicyView(p.id, p.cluster, p.tenant, PolicyView.ScheduleView.of(p.schedule()), p.timeZone,
                p.drillCluster, p.drillPool, p.point, p.secretName, p.concurrency, p.timeLimit.toSeconds(), p.paused,
                p.ownership.username, p.updatedAt == null ? null : DrillRuns.instant(p.updatedAt), p.paused ? null : nextRun);
    }
}
