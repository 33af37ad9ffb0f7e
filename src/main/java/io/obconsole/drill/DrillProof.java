package io.obconsole.drill;

import java.time.Instant;

/**
 * What drills proved of a tenant: "last proven restorable: 2 d ago, to a point 14 min old, restore
 * took 11 min", and the last drill whatever its outcome (a failure explained).
 *
 * @param provenAt        when the last successful drill ended; null: never proven
 * @param pointAgeSeconds how old the point it restored was when its restore started
 * @param restoreSeconds  how long that restore took
 * @param summary         the proof without its lead-in ("2 d ago, to a point 14 min old, restore took 11 min"), or "never"
 */
public record DrillProof(String cluster, String tenant, Instant provenAt, Long pointAgeSeconds, Long restoreSeconds,
        String inWords, String summary, DrillRunView lastDrill) {

    static DrillProof of(String cluster, String tenant, DrillRunView proven, DrillRunView last, Instant now) {
        if (proven == null) {
            return new DrillProof(cluster, tenant, null, null, null, "never proven restorable by a drill", "never", last);
        }
        String summary = ago(proven.endedAt(), now) + " ago, to a point " + duration(proven.pointAgeSeconds())
                + " old, restore took " + duration(proven.restoreSeconds());
        return new DrillProof(cluster, tenant, proven.endedAt(), proven.pointAgeSeconds(), proven.restoreSeconds(),
                "last proven restorable: " + summary, summary, last);
    }

    private static String ago(Instant then, Instant now) {
        return duration(Math.max(0, java.time.Duration.between(then, now).toSeconds()));
    }

    /** Seconds in the largest unit that fits: 45 s, 11 min, 3 h, 2 d. */
    public static String duration(Long seconds) {
        if (seconds == null) {
            return "an unknown time";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86400 + " d";
    }
}
