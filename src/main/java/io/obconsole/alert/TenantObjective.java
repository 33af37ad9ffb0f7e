package io.obconsole.alert;

import io.obconsole.window.Unrestorable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A tenant against its objectives at one moment (cluster time): its state (the worst of its
 * checks), each figure's check, the recovery point (the newest moment it can be restored to) and
 * its distance to the first limit to be passed (the first of its figures' distances). Each
 * objective ({@link ObjectiveKind}) can be read on its own; one without a check has no data (or
 * no limit) and counts as OK.
 */
public record TenantObjective(String cluster, String tenant, Objective objective, ObjectiveState state,
        List<ObjectiveCheck> checks, LocalDateTime recoveryPoint, RecoveryPointSource source, Unrestorable noRecoveryPoint,
        LocalDateTime evaluatedAt, Distance distance) {

    /** Worst first: state, then whoever breaches soonest (or breached longest ago), then by name. */
    public static final Comparator<TenantObjective> WORST_FIRST = Comparator
            .comparing((TenantObjective o) -> -o.state().severity())
            .thenComparing((TenantObjective o) -> o.distance())
            .thenComparing(TenantObjective::cluster).thenComparing(TenantObjective::tenant);

    /** The reasons of the figures that are not OK, in words (empty when OK). */
    public List<String> reasons() {
        return checks.stream().filter(c -> c.state() != ObjectiveState.OK).map(ObjectiveCheck::reason).toList();
    }

    /** The state of one objective: the worst of its checks, OK without any. */
    public ObjectiveState state(ObjectiveKind kind) {
        return of(kind).map(ObjectiveCheck::state).reduce(ObjectiveState.OK, ObjectiveState::worse);
    }

    /** The distance of one objective to its first breach ({@link Distance#NOT_DUE} without a check). */
    public Distance distance(ObjectiveKind kind) {
        return of(kind).map(ObjectiveCheck::distance).reduce(Distance.NOT_DUE, Distance::first);
    }

    /** The reasons of one objective's figures that are not OK. */
    public List<String> reasons(ObjectiveKind kind) {
        return of(kind).filter(c -> c.state() != ObjectiveState.OK).map(ObjectiveCheck::reason).toList();
    }

    /** Whether one objective was measured: its limit is set and there is something to measure. */
    public boolean measured(ObjectiveKind kind) {
        return of(kind).findAny().isPresent();
    }

    /** When one objective's breach began (cluster time), as {@link #since()} for the whole. */
    public LocalDateTime since(ObjectiveKind kind) {
        Distance d = distance(kind);
        return state(kind) == ObjectiveState.BREACHED && d.kind() == Distance.Kind.PASSED ? evaluatedAt.plus(d.left()) : null;
    }

    private java.util.stream.Stream<ObjectiveCheck> of(ObjectiveKind kind) {
        return checks.stream().filter(c -> c.figure().objective() == kind);
    }

    /**
     * The time left before the first limit is passed, in the words every page, the API and alerts
     * use: "breaches in 4 h", "breached 2 h ago", naming the objective when it is not the recovery
     * point's ("breaches in 3 h (proven-within objective)").
     */
    public String distanceWords() {
        if (distance.kind() == Distance.Kind.NOT_DUE) {
            return distance.words();
        }
        return checks.stream().filter(c -> c.distance().compareTo(distance) == 0).findFirst()
                .map(c -> c.figure().objective()).filter(kind -> kind != ObjectiveKind.RECOVERY_POINT)
                .map(kind -> distance.words() + " (" + kind.words() + ")").orElse(distance.words());
    }

    /** Time left before the first limit is passed (negative once passed); null when no time applies. */
    public Duration toBreach() {
        return distance.left();
    }

    /** "none: no successful backup set": why there is no recovery point, as its window says; null when there is one. */
    public String noRecoveryPointWords() {
        return noRecoveryPoint == null ? null : "none: " + noRecoveryPoint.brief();
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
