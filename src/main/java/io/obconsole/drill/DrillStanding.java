package io.obconsole.drill;

import java.time.Duration;
import java.time.Instant;

/**
 * What drills say of one tenant for its restore-time and proven-within objectives: when the last
 * PROVEN drill ended and how long its restore took, and since when a drill policy covers the
 * tenant (its own, else its cluster's for every tenant). All null: no drill data.
 *
 * @param provenAt     when the last PROVEN drill ended (console time); null: never proven
 * @param restoreTime  how long that drill's restore took (OceanBase's START to FINISH); null when not measured
 * @param coveredSince when the drill policy that covers the tenant was created; null: no drill policy covers it
 */
public record DrillStanding(Instant provenAt, Duration restoreTime, Instant coveredSince) {

    /** No drill policy, no drill: nothing to evaluate. */
    public static final DrillStanding NONE = new DrillStanding(null, null, null);

    /** Whether a drill objective can be judged at all: a policy asks for drills, or one proved the tenant. */
    public boolean drilled() {
        return provenAt != null || coveredSince != null;
    }
}
