package io.obconsole.alert;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A tenant against its objective at one moment (cluster time): its state, each figure's check, the
 * recovery point (the newest moment it can be restored to) and its distance to the first limit
 * to be passed (the first of its figures' distances).
 */
public record TenantObjective(String cluster, String tenant, Objective objective, ObjectiveState state,
        List<ObjectiveCheck> checks, LocalDateTime recoveryPoint, RecoveryPointSource source, LocalDateTime evaluatedAt,
        Distance distance) {

    /** Worst first: state, then whoever breaches soonest (or breached longest ago), then by name. */
    public static final Comparator<TenantObjective> WORST_FIRST = Comparator
            .comparing((TenantObjective o) -> -o.state().severity())
            .thenComparing(TenantObjective::distance)
            .thenComparing(TenantObjective::cluster).thenComparing(TenantObjective::tenant);

    /** The reasons of the figures that are not OK, in words (empty when OK). */
    public List<String> reasons() {
        return checks.stream().filter(c -> c.state() != ObjectiveState.OK).map(ObjectiveCheck::reason).toList();
    }

    /** Time left before the first limit is passed (negative once passed); null when no time applies. */
    public Duration toBreach() {
        return distance.left();
    }

    /** How old the recovery point is (null without one). */
    public Duration recoveryPointAge() {
        return recoveryPoint == null ? null : Duration.between(recoveryPoint, evaluatedAt);
    }

    /** When the current state began, as far as the data says (cluster time); null when unknown. */
    public LocalDateTime since() {
        return state == ObjectiveState.BREACHED && distance.kind() == Distance.Kind.PASSED ? evaluatedAt.plus(distance.left())
                : null;
    }
}
