package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.Tenant;
import io.obconsole.cluster.TenantState;
import io.obconsole.drill.DrillStanding;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The restore-time objective (the last proven drill's restore at most so long) and the proven-within
 * objective (the last proven drill at most so old), beside the recovery-point one: judged only for
 * tenants a drill policy covers or a drill proved; proven-within has a deadline, restore time none.
 */
class DrillObjectiveEvaluatorTest {

    private static final LocalDateTime CLUSTER_NOW = LocalDateTime.parse("2024-05-20T10:00:00");
    private static final Instant NOW = Instant.parse("2024-05-20T10:00:00Z");
    /** No recovery-point figure: only the drill objectives count. */
    private static final Objective HOUR_EIGHT_DAYS = new Objective(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ofHours(1), Duration.ofDays(8), "default");
    private final ObjectiveEvaluator evaluator = new ObjectiveEvaluator(0.8);

    @Test
    void aTenantNoDrillPolicyCoversAndNoDrillProvedIsNotJudgedAgainstTheDrillObjectives() {
        TenantObjective o = evaluate(DrillStanding.NONE);

        assertThat(o.measured(ObjectiveKind.RESTORE_TIME)).isFalse();
        assertThat(o.measured(ObjectiveKind.PROVEN_WITHIN)).isFalse();
        assertThat(o.state()).isEqualTo(ObjectiveState.OK);
        assertThat(o.distance().words()).isEqualTo("no breach due");
    }

    @Test
    void aDrillPolicyThatProvedNothingSinceItWasCreatedLongerAgoThanTheObjectiveBreachesProvenWithin() {
        TenantObjective o = evaluate(new DrillStanding(null, null, NOW.minus(Duration.ofDays(9))));

        assertThat(o.state(ObjectiveKind.PROVEN_WITHIN)).isEqualTo(ObjectiveState.BREACHED);
        assertThat(o.state()).isEqualTo(ObjectiveState.BREACHED);
        assertThat(o.reasons()).containsExactly(
                "no drill has proven it restorable since its drill policy was created 9 d ago (objective: proven within 8 d)");
        assertThat(o.distance().words()).isEqualTo("breached 1 d ago");
        // never proven, so no restore was measured: the restore-time objective has no data
        assertThat(o.measured(ObjectiveKind.RESTORE_TIME)).isFalse();
    }

    @Test
    void aNewDrillPolicyHasTheObjectivesSpanToProveTheTenantWhichIsTheTimeLeftBeforeTheBreach() {
        TenantObjective o = evaluate(new DrillStanding(null, null, NOW.minus(Duration.ofDays(1))));

        assertThat(o.state(ObjectiveKind.PROVEN_WITHIN)).isEqualTo(ObjectiveState.OK);
        assertThat(o.toBreach()).isEqualTo(Duration.ofDays(7));
        assertThat(o.distance().words()).isEqualTo("breaches in 7 d");
    }

    @Test
    void aProvenDrillPastTheWarningFractionOfTheObjectiveIsAtRiskAndCountsDownToIt() {
        TenantObjective o = evaluate(new DrillStanding(NOW.minus(Duration.ofDays(7)), Duration.ofMinutes(11),
                NOW.minus(Duration.ofDays(30))));

        assertThat(o.state(ObjectiveKind.PROVEN_WITHIN)).isEqualTo(ObjectiveState.AT_RISK);
        assertThat(o.state(ObjectiveKind.RESTORE_TIME)).isEqualTo(ObjectiveState.OK);
        assertThat(o.reasons()).containsExactly("last proven restorable by a drill 7 d ago: past 80 % of the objective of "
                + "8 d, breaches in 1 d");
        assertThat(o.toBreach()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aRestoreThatTookLongerThanTheObjectiveBreachesItSinceTheDrillThatMeasuredItAndSetsNoDeadlineOtherwise() {
        TenantObjective slow = evaluate(new DrillStanding(NOW.minus(Duration.ofDays(2)), Duration.ofHours(2), null));

        assertThat(slow.state(ObjectiveKind.RESTORE_TIME)).isEqualTo(ObjectiveState.BREACHED);
        assertThat(slow.reasons(ObjectiveKind.RESTORE_TIME))
                .containsExactly("the restore of the last proven drill took 2 h, longer than the objective of 1 h");
        assertThat(slow.distance(ObjectiveKind.RESTORE_TIME).words()).isEqualTo("breached 2 d ago");
        assertThat(slow.since(ObjectiveKind.RESTORE_TIME)).isEqualTo(CLUSTER_NOW.minusDays(2));
        // a drill proved it 2 d ago, within 8 d, without a drill policy (run by hand before the policy was deleted)
        assertThat(slow.state(ObjectiveKind.PROVEN_WITHIN)).isEqualTo(ObjectiveState.OK);

        TenantObjective quick = evaluate(new DrillStanding(NOW.minus(Duration.ofDays(2)), Duration.ofMinutes(30), null));
        assertThat(quick.state(ObjectiveKind.RESTORE_TIME)).isEqualTo(ObjectiveState.OK);
        assertThat(quick.distance(ObjectiveKind.RESTORE_TIME)).isEqualTo(Distance.NOT_DUE);
    }

    @Test
    void aDrillObjectiveBreachLeavesTheRecoveryPointObjectiveAsItIs() {
        Objective withRecoveryPoint = new Objective(Duration.ofDays(1), Duration.ofDays(7), Duration.ZERO,
                Duration.ofHours(1), Duration.ofDays(8), "default");
        TenantObjective o = evaluator.evaluate("demo", tenant(), CLUSTER_NOW, withRecoveryPoint, TenantWindows.of(tenant()),
                new DrillStanding(null, null, NOW.minus(Duration.ofDays(9))), NOW);

        assertThat(o.state(ObjectiveKind.RECOVERY_POINT)).isEqualTo(ObjectiveState.OK);
        assertThat(o.distance(ObjectiveKind.RECOVERY_POINT).words()).isEqualTo("breaches in 21 h");
        assertThat(o.state()).isEqualTo(ObjectiveState.BREACHED);
    }

    private TenantObjective evaluate(DrillStanding drills) {
        return evaluator.evaluate("demo", tenant(), CLUSTER_NOW, HOUR_EIGHT_DAYS, TenantWindows.of(tenant()), drills, NOW);
    }

    private static TenantState tenant() {
        BackupSet full = new BackupSet(1, "FULL", CLUSTER_NOW.minusHours(4), CLUSTER_NOW.minusHours(3), Duration.ofHours(3));
        return new TenantState(new Tenant(1002, "mysql_tenant", "MYSQL", "NORMAL"),
                new ArchiveStatus("DOING", CLUSTER_NOW.minusMinutes(1), Duration.ofMinutes(1)), "file:///b", 0, full, null,
                List.of());
    }
}
