package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.Tenant;
import io.obconsole.cluster.TenantState;
import io.obconsole.drill.DrillStanding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What an objective alert says of the recovery point and the time left is what the pages and the
 * API say (issue 24, points 1 and 3): one recovery point (the window's upper end, or why there is
 * none) and one "time left before the first objective is breached", naming that objective when it
 * is not the recovery point's.
 */
class ObjectiveWordsTest {

    private static final LocalDateTime CLUSTER_NOW = LocalDateTime.parse("2024-05-20T10:00:00");
    private static final Instant NOW = Instant.parse("2024-05-20T10:00:00Z");
    private static final Objective DAY_AND_DRILLS = new Objective(Duration.ofDays(1), Duration.ZERO, Duration.ZERO,
            Duration.ofHours(4), Duration.ofDays(8), "default");

    private final ObjectiveEvaluator evaluator = new ObjectiveEvaluator(0.8);
    private final List<AlertEvent> raised = new ArrayList<>();
    private final Alarms alarms = new Alarms(new AlertStore(null, Duration.ofMinutes(30), Clock.systemUTC(), "test") {
        @Override
        public Optional<AlertEvent> condition(String key, ObjectiveState level, Grouping grouping,
                Function<Change, AlertEvent> eventFor) {
            if (key.startsWith("objective:")) {
                raised.add(eventFor.apply(new Change(ObjectiveState.OK, level, 0, NOW)));
            }
            return Optional.empty();
        }
    }, null, null);

    @Test
    void aRecoveryPointAlertGivesTheTenantsTimeLeftAsThePagesDoNamingTheDrillObjectiveThatComesFirst() {
        // newest backup 20 h old of 1 d (at risk, 4 h left); its drill policy, 7 d 22 h old, must prove it within 8 d
        TenantState tenant = tenant(new BackupSet(1, "FULL", CLUSTER_NOW.minusHours(21), CLUSTER_NOW.minusHours(20),
                Duration.ofHours(20)), new ArchiveStatus("DOING", CLUSTER_NOW.minusSeconds(1), Duration.ofSeconds(1)));
        TenantObjective o = evaluator.evaluate("demo", tenant, CLUSTER_NOW, DAY_AND_DRILLS, TenantWindows.of(tenant),
                new DrillStanding(null, null, NOW.minus(Duration.ofDays(8).minusHours(2))), NOW);

        assertThat(o.state(ObjectiveKind.RECOVERY_POINT)).isEqualTo(ObjectiveState.AT_RISK);
        assertThat(o.distanceWords()).isEqualTo("breaches in 2 h (proven-within objective)");
        alarms.objective(o);
        assertThat(raised).singleElement().extracting(AlertEvent::summary).asString()
                .endsWith("Recovery point 2024-05-20 09:59:59 UTC (archive checkpoint, 1 s ago), "
                        + "breaches in 2 h (proven-within objective).");
    }

    @Test
    void noBreachDueNamesNoObjective() {
        // only a restore-time objective, met by the last proven drill: nothing counts down
        Objective restoreTimeOnly = new Objective(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofHours(4),
                Duration.ZERO, "default");
        TenantState tenant = tenant(null, ArchiveStatus.NONE);
        TenantObjective o = evaluator.evaluate("demo", tenant, CLUSTER_NOW, restoreTimeOnly, TenantWindows.of(tenant),
                new DrillStanding(NOW.minus(Duration.ofDays(1)), Duration.ofMinutes(30), null), NOW);

        assertThat(o.measured(ObjectiveKind.RESTORE_TIME)).isTrue();
        assertThat(o.distanceWords()).isEqualTo("no breach due");
    }

    @Test
    void aTenantThatArchivesWithoutASuccessfulBackupSetHasNoRecoveryPointInTheAlertEither() {
        // oracle_tenant and legacy/hr: log archiving DOING, no backup set ever succeeded
        TenantState tenant = tenant(null, new ArchiveStatus("DOING", CLUSTER_NOW.minusSeconds(31), Duration.ofSeconds(31)));
        TenantObjective o = evaluator.evaluate("demo", tenant, CLUSTER_NOW, DAY_AND_DRILLS, TenantWindows.of(tenant),
                DrillStanding.NONE, NOW);

        assertThat(o.recoveryPoint()).isNull();
        assertThat(o.noRecoveryPointWords()).isEqualTo("none: no successful backup set");
        alarms.objective(o);
        assertThat(raised).singleElement().extracting(AlertEvent::summary).asString()
                .contains("Recovery point none: no successful backup set, cannot be met until a backup set succeeds.")
                .doesNotContain("checkpoint");
    }

    private static TenantState tenant(BackupSet full, ArchiveStatus archive) {
        return new TenantState(new Tenant(1004, "oracle_tenant", "ORACLE", "NORMAL"), archive, "file:///b", 0, full, null,
                List.of());
    }
}
