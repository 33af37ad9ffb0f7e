package io.obconsole.alert;

import io.obconsole.alert.ObjectiveCheck.Figure;
import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.TenantState;
import io.obconsole.drill.DrillStanding;
import io.obconsole.window.RestoreWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a tenant's state against its objective: each figure is OK, AT RISK past the warning
 * fraction of its limit, or BREACHED past the limit; the tenant is as bad as its worst figure.
 * Pure: everything it needs comes in, so a test drives it with any clock.
 */
public final class ObjectiveEvaluator {

    private final double warningFraction;

    public ObjectiveEvaluator(double warningFraction) {
        if (warningFraction <= 0 || warningFraction > 1) {
            throw new IllegalArgumentException("console.objectives.warning-fraction must be in (0, 1], got " + warningFraction);
        }
        this.warningFraction = warningFraction;
    }

    /** As {@link #evaluate(String, TenantState, LocalDateTime, Objective, RestoreWindow, DrillStanding, Instant)} without drills. */
    public TenantObjective evaluate(String cluster, TenantState tenant, LocalDateTime now, Objective objective,
            RestoreWindow window) {
        return evaluate(cluster, tenant, now, objective, window, DrillStanding.NONE, null);
    }

    /**
     * @param window     the tenant's recoverable window, whose upper end is its recovery point
     * @param drills     what drills proved of the tenant and whether a drill policy covers it
     * @param consoleNow the console's time, in which drills are recorded (the cluster's clock is not ours)
     */
    public TenantObjective evaluate(String cluster, TenantState tenant, LocalDateTime now, Objective objective,
            RestoreWindow window, DrillStanding drills, Instant consoleNow) {
        LocalDateTime lastGood = newest(tenant.lastFull(), tenant.lastInc());
        List<ObjectiveCheck> checks = new ArrayList<>();
        if (Objective.set(objective.maxBackupAge())) {
            checks.add(age(Figure.LAST_BACKUP, "backup set (FULL or INCREMENTAL)", lastGood, now, objective.maxBackupAge()));
        }
        if (Objective.set(objective.maxFullAge())) {
            LocalDateTime full = tenant.lastFull() == null ? null : tenant.lastFull().end();
            checks.add(age(Figure.LAST_FULL, "FULL backup set", full, now, objective.maxFullAge()));
        }
        if (Objective.set(objective.maxArchiveLag())) {
            checks.add(archive(tenant.archive(), now, objective.maxArchiveLag()));
        }
        // no drill policy and no proven drill: no data, the drill objectives are not judged (not breached)
        if (Objective.set(objective.maxRestoreTime()) && drills.restoreTime() != null) {
            checks.add(restoreTime(drills, consoleNow, objective.maxRestoreTime()));
        }
        if (Objective.set(objective.provenWithin()) && drills.drilled()) {
            checks.add(proven(drills, consoleNow, objective.provenWithin()));
        }
        ObjectiveState state = ObjectiveState.OK;
        Distance distance = Distance.NOT_DUE;
        for (ObjectiveCheck check : checks) {
            state = state.worse(check.state());
            distance = distance.first(check.distance());
        }
        RecoveryPoint point = RecoveryPoint.of(window, lastGood);
        return new TenantObjective(cluster, tenant.name(), objective, state, List.copyOf(checks), point.at(), point.source(),
                point.none(), now, distance);
    }

    private ObjectiveCheck age(Figure figure, String what, LocalDateTime end, LocalDateTime now, Duration limit) {
        if (end == null) {
            return new ObjectiveCheck(figure, ObjectiveState.BREACHED, null, limit,
                    Distance.unmeetableUntil("a backup set succeeds"),
                    "no successful " + what + " exists (objective: one at most " + Durations.words(limit) + " old)");
        }
        Duration age = nonNegative(Duration.between(end, now));
        ObjectiveState state = stateOf(age, limit);
        Distance distance = Distance.in(limit.minus(age));
        String reason = switch (state) {
            case OK -> "newest " + what + " is " + Durations.words(age) + " old (objective " + Durations.words(limit) + ")";
            case AT_RISK -> "newest " + what + " is " + Durations.words(age) + " old: past "
                    + Math.round(warningFraction * 100) + " % of the objective of " + Durations.words(limit)
                    + ", " + distance.words();
            case BREACHED -> "newest " + what + " is " + Durations.words(age) + " old, older than the objective of "
                    + Durations.words(limit);
        };
        return new ObjectiveCheck(figure, state, age, limit, distance, reason);
    }

    /**
     * While archiving keeps up its lag does not grow with the clock, so an OK lag sets no deadline;
     * past the warning (falling behind) or stopped (the checkpoint stands still) the clock counts
     * down to the limit; a stopped archive is breached since its last archived log.
     */
    private ObjectiveCheck archive(ArchiveStatus archive, LocalDateTime now, Duration limit) {
        if (!archive.doing()) {
            Duration behind = archive.checkpoint() == null ? null : nonNegative(Duration.between(archive.checkpoint(), now));
            String reason = "log archiving is " + archive.status() + ", not DOING: "
                    + (behind == null ? "no archived log to restore from" : "archived log ends " + Durations.words(behind) + " ago")
                    + " (objective: at most " + Durations.words(limit) + " behind)";
            return new ObjectiveCheck(Figure.ARCHIVE_LAG, ObjectiveState.BREACHED, behind, limit,
                    behind == null ? Distance.unmeetableUntil("log archiving runs") : Distance.in(behind.negated()), reason);
        }
        Duration lag = archive.lag() != null ? nonNegative(archive.lag())
                : archive.checkpoint() != null ? nonNegative(Duration.between(archive.checkpoint(), now)) : Duration.ZERO;
        ObjectiveState state = stateOf(lag, limit);
        String reason = state == ObjectiveState.OK
                ? "log archive is " + Durations.words(lag) + " behind (objective " + Durations.words(limit) + ")"
                : "log archive is " + Durations.words(lag) + " behind, " + (state == ObjectiveState.BREACHED
                        ? "more than the objective of " : "close to the objective of ") + Durations.words(limit);
        return new ObjectiveCheck(Figure.ARCHIVE_LAG, state, lag, limit,
                state == ObjectiveState.OK ? Distance.NOT_DUE : Distance.in(limit.minus(lag)), reason);
    }

    /**
     * The last proven drill's restore time against the limit: a measured figure that does not grow
     * with the clock, so it sets no deadline; breached since the drill that measured it ended.
     */
    private ObjectiveCheck restoreTime(DrillStanding drills, Instant now, Duration limit) {
        Duration took = drills.restoreTime();
        ObjectiveState state = stateOf(took, limit);
        String measured = "the restore of the last proven drill took " + Durations.words(took);
        String reason = switch (state) {
            case OK -> measured + " (objective " + Durations.words(limit) + ")";
            case AT_RISK -> measured + ": past " + Math.round(warningFraction * 100) + " % of the objective of "
                    + Durations.words(limit);
            case BREACHED -> measured + ", longer than the objective of " + Durations.words(limit);
        };
        return new ObjectiveCheck(Figure.RESTORE_TIME, state, took, limit, state == ObjectiveState.BREACHED
                ? new Distance(Distance.Kind.PASSED, nonNegative(Duration.between(drills.provenAt(), now)).negated(), null)
                : Distance.NOT_DUE, reason);
    }

    /**
     * How old the last proven drill is; a tenant whose drill policy has not proven it yet counts
     * from the policy's creation, so a new policy has the objective's span to prove it.
     */
    private ObjectiveCheck proven(DrillStanding drills, Instant now, Duration limit) {
        if (drills.provenAt() == null) {
            Duration waited = nonNegative(Duration.between(drills.coveredSince(), now));
            ObjectiveState state = stateOf(waited, limit);
            Distance distance = Distance.in(limit.minus(waited));
            String reason = "no drill has proven it restorable since its drill policy was created "
                    + Durations.words(waited) + " ago (objective: proven within " + Durations.words(limit) + ")"
                    + (state == ObjectiveState.BREACHED ? "" : ", " + distance.words());
            return new ObjectiveCheck(Figure.LAST_PROVEN, state, null, limit, distance, reason);
        }
        Duration age = nonNegative(Duration.between(drills.provenAt(), now));
        ObjectiveState state = stateOf(age, limit);
        Distance distance = Distance.in(limit.minus(age));
        String reason = switch (state) {
            case OK -> "last proven restorable by a drill " + Durations.words(age) + " ago (objective "
                    + Durations.words(limit) + ")";
            case AT_RISK -> "last proven restorable by a drill " + Durations.words(age) + " ago: past "
                    + Math.round(warningFraction * 100) + " % of the objective of " + Durations.words(limit) + ", "
                    + distance.words();
            case BREACHED -> "last proven restorable by a drill " + Durations.words(age) + " ago, longer than the "
                    + "objective of " + Durations.words(limit);
        };
        return new ObjectiveCheck(Figure.LAST_PROVEN, state, age, limit, distance, reason);
    }

    private ObjectiveState stateOf(Duration actual, Duration limit) {
        if (actual.compareTo(limit) > 0) {
            return ObjectiveState.BREACHED;
        }
        return actual.toMillis() >= warningFraction * limit.toMillis() ? ObjectiveState.AT_RISK : ObjectiveState.OK;
    }

    private static LocalDateTime newest(BackupSet a, BackupSet b) {
        LocalDateTime x = a == null ? null : a.end();
        LocalDateTime y = b == null ? null : b.end();
        if (x == null) {
            return y;
        }
        return y == null || x.isAfter(y) ? x : y;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
