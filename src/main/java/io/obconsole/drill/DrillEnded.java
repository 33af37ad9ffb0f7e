package io.obconsole.drill;

import java.time.Instant;

/**
 * A drill run ended (PROVEN, FAILED or SKIPPED), fired once by the instance whose step ended it:
 * notifications and metrics observe it and never re-read the runs to find out.
 *
 * @param restoreSeconds how long its restore took (START to FINISH), null when it never finished one
 * @param failure        why it failed or was skipped; null when PROVEN
 */
public record DrillEnded(long runId, long policyId, String cluster, String tenant, String drillCluster, DrillState state,
        Long restoreSeconds, String failure, Instant endedAt) {

    static DrillEnded of(DrillRun run) {
        DrillRunView view = DrillRunView.of(run);
        return new DrillEnded(run.id, run.policyId, run.cluster, run.tenant, run.drillCluster, run.state,
                view.restoreSeconds(), run.failure, view.endedAt());
    }
}
