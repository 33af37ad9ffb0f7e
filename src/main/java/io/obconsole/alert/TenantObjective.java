package io.obconsole.alert;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A tenant against its objective at one moment (cluster time): its state, each figure's check, the
 * recovery point (the newest moment it can be restored to) and the time left before the first
 * limit is passed ({@code toBreach}, negative once breached, null when it can never be met as is).
 */
public record TenantObjective(String cluster, String tenant, Objective objective, ObjectiveState state,
        List<ObjectiveCheck> checks, LocalDateTime recoveryPoint, RecoveryPointSource source, LocalDateTime evaluatedAt,
        Duration toBreach) {

    /** Worst first: state, then whoever breaches soonest (or breached longest ago), then by name. */
    public static final Comparator<TenantObjective> WORST_FIRST = Comparator
            .comparing((TenantObjective o) -> -o.state().severity())
            .thenComparing(o -> o.toBreach() == null ? Long.MIN_VALUE : o.toBreach().getSeconds())
            .thenComparing(TenantObjective::cluster).thenComparing(TenantObjective::tenant);

    /** The reasons of the figures that are not OK, in words (empty when OK). */
    public List<String> reasons() {
        return checks.stream().filter(c -> c.state() != ObjectiveState.OK).map(ObjectiveCheck::reason).toList();
    }

    /** The distance to the objective in words ("breaches in 3 h", "breached 2 d ago"). */
    public String distance() {
        return Durations.distance(toBreach);
    }

    /** How old the recovery point is (null without one). */
    public Duration recoveryPointAge() {
        return recoveryPoint == null ? null : Duration.between(recoveryPoint, evaluatedAt);
    }

    /** When the current state began, as far as the data says (cluster time); null when unknown. */
    public LocalDateTime since() {
        if (toBreach == null) {
            return null;
        }
        if (state == ObjectiveState.BREACHED) {
            return evaluatedAt.plus(toBreach);
        }
        return null;
    }
}
