package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.Tenant;
import io.obconsole.cluster.TenantState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tenant's state against its objective: OK, AT RISK past the warning fraction, BREACHED past the limit, worst figure wins. */
class ObjectiveEvaluatorTest {

    private static final LocalDateTime NOW = LocalDateTime.parse("2024-05-20T10:00:00");
    private static final Objective DAY_WEEK_15MIN = new Objective(Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofMinutes(15), "default");
    private final ObjectiveEvaluator evaluator = new ObjectiveEvaluator(0.8);

    @Test
    void freshBackupsAndArchivingIsOkAndTheRecoveryPointIsTheArchiveCheckpoint() {
        TenantObjective o = evaluate(full(Duration.ofHours(3)), null, doing(Duration.ofMinutes(1)));

        assertThat(o.state()).isEqualTo(ObjectiveState.OK);
        assertThat(o.reasons()).isEmpty();
        assertThat(o.source()).isEqualTo(RecoveryPointSource.ARCHIVE);
        assertThat(o.recoveryPoint()).isEqualTo(NOW.minusMinutes(1));
        // the archive keeps up: the newest set's age is what approaches a limit
        assertThat(o.toBreach()).isEqualTo(Duration.ofHours(21));
        assertThat(o.distance().words()).isEqualTo("breaches in 21 h");
    }

    @Test
    void pastTheWarningFractionIsAtRiskWithTheReasonInWords() {
        TenantObjective o = evaluate(full(Duration.ofHours(20)), null, doing(Duration.ofMinutes(1)));

        assertThat(o.state()).isEqualTo(ObjectiveState.AT_RISK);
        assertThat(o.reasons()).containsExactly("newest backup set (FULL or INCREMENTAL) is 20 h old: past 80 % of the "
                + "objective of 1 d, breaches in 4 h");
        assertThat(o.toBreach()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void pastTheLimitIsBreachedAndSaysSinceWhen() {
        TenantObjective o = evaluate(full(Duration.ofHours(30)), null, doing(Duration.ZERO));

        assertThat(o.state()).isEqualTo(ObjectiveState.BREACHED);
        assertThat(o.toBreach()).isEqualTo(Duration.ofHours(-6));
        assertThat(o.since()).isEqualTo(NOW.minusHours(6));
        assertThat(o.distance().words()).isEqualTo("breached 6 h ago");
    }

    @Test
    void anIncrementalCountsForTheBackupAgeButNotForTheFullAge() {
        TenantObjective o = evaluate(full(Duration.ofDays(8)), inc(Duration.ofHours(2)), doing(Duration.ZERO));

        assertThat(o.state()).isEqualTo(ObjectiveState.BREACHED);
        assertThat(o.checks()).extracting(ObjectiveCheck::figure, ObjectiveCheck::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ObjectiveCheck.Figure.LAST_BACKUP, ObjectiveState.OK),
                org.assertj.core.groups.Tuple.tuple(ObjectiveCheck.Figure.LAST_FULL, ObjectiveState.BREACHED),
                org.assertj.core.groups.Tuple.tuple(ObjectiveCheck.Figure.ARCHIVE_LAG, ObjectiveState.OK));
    }

    @Test
    void archivingStoppedBreachesAndTheRecoveryPointIsWhereTheArchivedLogEnds() {
        // the FULL ended 3 h ago and its log was archived for another hour: the window reaches 2 h ago
        ArchiveStatus stopped = new ArchiveStatus("STOP", NOW.minusHours(2), null);
        TenantObjective o = evaluate(full(Duration.ofHours(3)), null, stopped);

        assertThat(o.state()).isEqualTo(ObjectiveState.BREACHED);
        assertThat(o.source()).isEqualTo(RecoveryPointSource.ARCHIVE);
        assertThat(o.recoveryPoint()).isEqualTo(NOW.minusHours(2));
        assertThat(o.reasons()).containsExactly("log archiving is STOP, not DOING: archived log ends 2 h ago "
                + "(objective: at most 15 min behind)");
    }

    @Test
    void withoutArchivedLogTheRecoveryPointIsTheEndOfTheNewestSetThatCarriesItsOwnLog() {
        TenantState tenant = state(full(Duration.ofHours(3)), null, ArchiveStatus.NONE);
        io.obconsole.window.RestoreSet plusArchivelog = new io.obconsole.window.RestoreSet(1,
                io.obconsole.cluster.BackupType.FULL, 0, 0, true, io.obconsole.window.FileStatus.AVAILABLE, true, false,
                scn(NOW.minusHours(3).minusMinutes(40)), scn(NOW.minusHours(3)));

        TenantObjective o = evaluator.evaluate("demo", tenant, NOW, DAY_WEEK_15MIN,
                io.obconsole.window.RestoreWindow.of(List.of(plusArchivelog), List.of()));
        assertThat(o.source()).isEqualTo(RecoveryPointSource.BACKUP_SET);
        assertThat(o.recoveryPoint()).isEqualTo(NOW.minusHours(3));
    }

    @Test
    void noBackupAtAllCannotBeMetUntilOneSucceeds() {
        TenantObjective o = evaluate(null, null, ArchiveStatus.NONE);

        assertThat(o.state()).isEqualTo(ObjectiveState.BREACHED);
        assertThat(o.source()).isEqualTo(RecoveryPointSource.NONE);
        assertThat(o.recoveryPoint()).isNull();
        assertThat(o.toBreach()).isNull();
        assertThat(o.distance().words()).isEqualTo("cannot be met until a backup set succeeds");
        assertThat(o.reasons()).hasSize(3).first().asString().startsWith("no successful backup set");
    }

    @Test
    void archivingWithoutASuccessfulBackupSetHasNoRecoveryPoint() {
        // oracle_tenant of the demo: its log archive is DOING, but no backup set ever succeeded
        TenantObjective o = evaluate(null, null, doing(Duration.ofSeconds(31)));

        assertThat(o.recoveryPoint()).isNull();
        assertThat(o.source()).isEqualTo(RecoveryPointSource.NONE);
        assertThat(o.recoveryPointAge()).isNull();
    }

    @Test
    void theTimelineHasNoRecoveryPointWhereNoBackupSetHadSucceededEvenWhileArchiving() {
        LocalDateTime setEnd = NOW.minusDays(2);
        List<ArchiveHistory.Interval> archiving = List.of(new ArchiveHistory.Interval("DOING", NOW.minusDays(10), NOW));

        assertThat(RecoveryTimeline.ageAt(NOW.minusDays(5), List.of(setEnd), archiving)).isNull();
        assertThat(RecoveryTimeline.ageAt(NOW.minusDays(1), List.of(setEnd), archiving)).isZero();
        assertThat(RecoveryTimeline.ageAt(NOW.minusDays(1), List.of(setEnd), List.of())).isEqualTo(Duration.ofDays(1).getSeconds());
    }

    @Test
    void anArchiveThatKeepsUpSetsNoDeadlineSoTheDistanceIsTheBackupAges() {
        // mysql_tenant: archive 1 s behind its 15-minute objective, newest set 19 h 45 min old of 1 d
        TenantObjective o = evaluate(full(Duration.ofHours(19).plusMinutes(45)), null, doing(Duration.ofSeconds(1)));

        assertThat(o.toBreach()).isEqualTo(Duration.ofHours(4).plusMinutes(15));
        assertThat(o.distance().words()).isEqualTo("breaches in 4 h 15 min");
        assertThat(o.reasons()).singleElement().asString().endsWith("breaches in 4 h 15 min").doesNotContain("breached in");
    }

    @Test
    void onlyAnArchiveObjectiveKeptUpWithHasNoBreachDue() {
        Objective onlyLag = new Objective(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(15), "tenant");
        TenantObjective o = evaluate(state(null, null, doing(Duration.ofSeconds(1))), onlyLag);

        assertThat(o.state()).isEqualTo(ObjectiveState.OK);
        assertThat(o.toBreach()).isNull();
        assertThat(o.distance().words()).isEqualTo("no breach due");
    }

    @Test
    void anArchiveFallingBehindPastTheWarningCountsDownToItsLimit() {
        TenantObjective o = evaluate(full(Duration.ofHours(1)), null, doing(Duration.ofMinutes(13)));

        assertThat(o.state()).isEqualTo(ObjectiveState.AT_RISK);
        assertThat(o.distance().words()).isEqualTo("breaches in 2 min");
    }

    @Test
    void stoppedArchivingIsBreachedSinceItsLastArchivedLog() {
        ArchiveStatus stopped = new ArchiveStatus("STOP", NOW.minusMinutes(5), null);
        TenantObjective o = evaluate(full(Duration.ofHours(3)), null, stopped);

        assertThat(o.state()).isEqualTo(ObjectiveState.BREACHED);
        assertThat(o.distance().words()).isEqualTo("breached 5 min ago");
    }

    @Test
    void aZeroLimitIsNoObjectiveForThatFigure() {
        Objective onlyBackups = new Objective(Duration.ofDays(1), Duration.ZERO, Duration.ZERO, "tenant");
        TenantObjective o = evaluate(state(full(Duration.ofHours(1)), null, ArchiveStatus.NONE), onlyBackups);

        assertThat(o.state()).isEqualTo(ObjectiveState.OK);
        assertThat(o.checks()).hasSize(1);
    }

    @Test
    void worstFirstOrdersByStateThenByWhoBreachesSoonest() {
        TenantObjective ok = evaluate(full(Duration.ofHours(1)), null, doing(Duration.ZERO));
        TenantObjective atRisk = evaluate(full(Duration.ofHours(21)), null, doing(Duration.ZERO));
        TenantObjective breachedLong = evaluate(full(Duration.ofDays(3)), null, doing(Duration.ZERO));
        TenantObjective never = evaluate(null, null, ArchiveStatus.NONE);
        TenantObjective breachedJust = evaluate(full(Duration.ofHours(25)), null, doing(Duration.ZERO));

        assertThat(List.of(ok, breachedJust, atRisk, never, breachedLong).stream().sorted(TenantObjective.WORST_FIRST))
                .containsExactly(never, breachedLong, breachedJust, atRisk, ok);
    }

    @Test
    void aWarningFractionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new ObjectiveEvaluator(1.5)).hasMessageContaining("warning-fraction");
    }

    @Test
    void onceTheWindowIsKnownTheRecoveryPointIsItsUpperEndOrNoneWhenItIsEmpty() {
        // issue 24 point 1: one definition for the objective, the pages and a restore
        io.obconsole.window.RestoreSet set = new io.obconsole.window.RestoreSet(1, io.obconsole.cluster.BackupType.FULL,
                0, 0, true, io.obconsole.window.FileStatus.AVAILABLE, false, false, scn(NOW.minusHours(3).minusMinutes(40)),
                scn(NOW.minusHours(3)));
        io.obconsole.window.ArchivePiece stopped = new io.obconsole.window.ArchivePiece(1001, 1, 1, scn(NOW.minusDays(1)),
                scn(NOW.minusHours(2)), scn(NOW.minusHours(2)), io.obconsole.window.FileStatus.AVAILABLE);
        io.obconsole.window.RestoreWindow window = io.obconsole.window.RestoreWindow.of(List.of(set), List.of(stopped));
        TenantState tenant = state(full(Duration.ofHours(3)), null, doing(Duration.ofMinutes(1)));

        TenantObjective o = evaluator.evaluate("demo", tenant, NOW, DAY_WEEK_15MIN, window);
        assertThat(o.recoveryPoint()).isEqualTo(NOW.minusHours(2));
        assertThat(o.source()).isEqualTo(RecoveryPointSource.ARCHIVE);

        // the set succeeded, but no archived log continues it: nothing to restore to
        io.obconsole.window.RestoreWindow empty = io.obconsole.window.RestoreWindow.of(List.of(set), List.of());
        TenantObjective none = evaluator.evaluate("demo", tenant, NOW, DAY_WEEK_15MIN, empty);
        assertThat(none.recoveryPoint()).isNull();
        assertThat(none.source()).isEqualTo(RecoveryPointSource.NONE);
    }

    private static io.obconsole.window.Scn scn(LocalDateTime utc) {
        return io.obconsole.window.Scn.of(utc.toInstant(java.time.ZoneOffset.UTC));
    }

    private TenantObjective evaluate(BackupSet full, BackupSet inc, ArchiveStatus archive) {
        return evaluate(state(full, inc, archive), DAY_WEEK_15MIN);
    }

    private TenantObjective evaluate(TenantState tenant, Objective objective) {
        return evaluator.evaluate("demo", tenant, NOW, objective, TenantWindows.of(tenant));
    }

    private static TenantState state(BackupSet full, BackupSet inc, ArchiveStatus archive) {
        return new TenantState(new Tenant(1002, "mysql_tenant", "MYSQL", "NORMAL"), archive, "file:///b", 0, full, inc,
                List.of());
    }

    private static BackupSet full(Duration age) {
        return age == null ? null : new BackupSet(1, "FULL", NOW.minus(age).minusMinutes(40), NOW.minus(age), age);
    }

    private static BackupSet inc(Duration age) {
        return new BackupSet(2, "INC", NOW.minus(age).minusMinutes(5), NOW.minus(age), age);
    }

    private static ArchiveStatus doing(Duration lag) {
        return new ArchiveStatus("DOING", NOW.minus(lag), lag);
    }
}
