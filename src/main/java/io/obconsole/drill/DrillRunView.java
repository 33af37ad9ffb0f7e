package io.obconsole.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One drill as its history shows it: where it is or how it ended, the point restored, how long the
 * restore took (OceanBase's START to FINISH), what was checked, and why it failed.
 *
 * @param pointAgeSeconds how old the restored point was when the restore started
 * @param restoreSeconds  FINISH_TIMESTAMP − START_TIMESTAMP of the restore (the drill's measured RTO)
 * @param restoredBytes   TOTAL_BYTES of the restore (what it read from the backup), null where unknown
 * @param waiting         what the run waits for now (its drill cluster does not answer ...), null while it moves on
 */
public record DrillRunView(long id, long policyId, String cluster, String tenant, Instant slot, DrillState state,
        String drillCluster, String scratchTenant, String pool, boolean poolCreatedByDrill, String pointUtc,
        Long pointAgeSeconds, Long restoreSeconds, Long restoredBytes, Instant startedAt, Instant endedAt,
        List<String> checks, String failure, String waiting) {

    static DrillRunView of(DrillRun r) {
        io.obconsole.window.Scn point = r.pointScn == null ? null : new io.obconsole.window.Scn(r.pointScn);
        Instant restoreStart = r.restoreStartedAt == null ? null
                : io.obconsole.fleet.ClusterTime.toUtc(r.restoreStartedAt).toInstant(java.time.ZoneOffset.UTC);
        Instant restoreEnd = r.restoreFinishedAt == null ? null
                : io.obconsole.fleet.ClusterTime.toUtc(r.restoreFinishedAt).toInstant(java.time.ZoneOffset.UTC);
        return new DrillRunView(r.id, r.policyId, r.cluster, r.tenant, DrillRuns.instant(r.slot), r.state, r.drillCluster,
                r.scratchTenant, r.poolName, r.poolCreated, point == null ? null : point.utc(),
                point == null || restoreStart == null ? null
                        : Math.max(0, Duration.between(point.toInstant(), restoreStart).toSeconds()),
                restoreStart == null || restoreEnd == null ? null : Duration.between(restoreStart, restoreEnd).toSeconds(),
                r.restoredBytes,
                DrillRuns.instant(r.startedAt), DrillRuns.instant(r.endedAt),
                r.checks == null ? List.of() : List.of(r.checks.split("\n")), r.failure, r.state.ended() ? null : r.waiting);
    }

    /** How long the whole drill took, from its start (preflight passed) to its end (cleaned up); null until then. */
    public Long drillSeconds() {
        return startedAt == null || endedAt == null ? null : Math.max(0, Duration.between(startedAt, endedAt).toSeconds());
    }
}
