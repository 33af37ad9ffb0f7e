package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.BackupTask;
import io.obconsole.fleet.ProgressTrack;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How percent, bytes, rate, ETA and "stalled" follow from OceanBase's task counters across rounds. */
class JobProgressDerivationTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 10, 0);
    private static final long MB = 1 << 20;

    private final ProgressTrack track = new ProgressTrack(Duration.ofSeconds(60), Duration.ofSeconds(30));

    @Test
    void percentIsFinishedOverTotalMacroBlocksOfAllTasks() {
        JobProgress p = observe("demo", job("DOING", task(1000, 250, 10, 9, 0), task(1000, 750, 10, 1, 0)), 0, T0);
        assertThat(p.percent()).isEqualTo(50.0);
        assertThat(p.key()).isEqualTo("demo/1002/1/7/" + T0.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000);
    }

    @Test
    void percentFallsBackToTabletsWhileNoMacroBlockIsCounted() {
        JobProgress p = observe("demo", job("DOING", task(0, 0, 8, 2, 0)), null, T0);
        assertThat(p.percent()).isEqualTo(25.0);
    }

    @Test
    void percentIsUnknownBeforeAnyCounterAndNeverShows100BeforeTheEnd() {
        assertThat(observe("demo", job("INIT"), null, T0).percent()).isNull();
        assertThat(observe("demo", job("DOING", task(10000, 9999, 1, 1, 0)), null, T0.plusSeconds(1)).percent())
                .isEqualTo(99.9);
    }

    @Test
    void rateIsOutputBytesOverTheTimeBetweenObservations() {
        observe("demo", job("DOING", task(1000, 100, 1, 0, 100 * MB)), null, T0);
        JobProgress p = observe("demo", job("DOING", task(1000, 200, 1, 0, 150 * MB)), null, T0.plusSeconds(10));
        assertThat(p.rate()).isEqualTo(5 * MB);
        assertThat(p.bytesDone()).isEqualTo(150 * MB);
    }

    @Test
    void etaIsTheRemainingOutputAtTheCurrentRate() {
        observe("demo", job("DOING", task(1000, 0, 1, 0, 0)), null, T0);
        // 25 % done with 100 MB written in 20 s: 300 MB to go at 5 MB/s
        JobProgress p = observe("demo", job("DOING", task(1000, 250, 1, 0, 100 * MB)), null, T0.plusSeconds(20));
        assertThat(p.etaSeconds()).isEqualTo(60);
    }

    @Test
    void aJobIsStalledWhenNoCounterMovedForTheConfiguredTime() {
        BackupJob same = job("DOING", task(1000, 300, 1, 0, 10 * MB));
        observe("demo", same, null, T0);
        assertThat(observe("demo", same, null, T0.plusSeconds(59)).stalled()).isFalse();
        JobProgress stalled = observe("demo", same, null, T0.plusSeconds(60));
        assertThat(stalled.stalled()).isTrue();
        assertThat(stalled.etaSeconds()).isNull();
        assertThat(observe("demo", job("DOING", task(1000, 301, 1, 0, 10 * MB)), null, T0.plusSeconds(61))
                .stalled()).isFalse();
    }

    @Test
    void anEndedJobKeepsItsLastPercentAndShowsResultAndComment() {
        observe("demo", job("DOING", task(1000, 500, 1, 0, 0)), 2, T0);
        BackupJob failed = new BackupJob(1002, "mysql_tenant", 7, 1, 3, 1, 5, "FULL", false, "NONE", T0, T0.plusSeconds(30),
                "FAILED", -4009, "IO error", null, List.of());
        JobProgress p = observe("demo", failed, 2, T0.plusSeconds(31));
        assertThat(p.percent()).isEqualTo(50.0);
        assertThat(p.result()).isEqualTo(-4009);
        assertThat(p.comment()).isEqualTo("IO error");
        assertThat(p.retries()).isEqualTo(2);
        assertThat(p.endedAt()).isEqualTo("2026-01-01T10:00:30");
        assertThat(p.running()).isFalse();
    }

    @Test
    void aCompletedJobIs100Percent() {
        BackupJob done = new BackupJob(1002, "mysql_tenant", 7, 1, 3, 1, 5, "FULL", false, "NONE", T0, T0.plusSeconds(60),
                "COMPLETED", 0, "", null, List.of());
        JobProgress p = observe("demo", done, null, T0.plusSeconds(61));
        assertThat(p.percent()).isEqualTo(100.0);
        assertThat(p.result()).isZero();
        assertThat(p.comment()).isNull();
    }

    /** The fleet's one computation, as the socket carries it. */
    private JobProgress observe(String cluster, BackupJob job, Integer retries, LocalDateTime now) {
        return JobProgress.of(track.observe(cluster, job, retries, now));
    }

    private static BackupJob job(String status, BackupTask... tasks) {
        return new BackupJob(1002, "mysql_tenant", 7, 1, 3, 1, 5, "FULL", false, "NONE", T0, null, status, 0, "", null,
                List.of(tasks));
    }

    private static BackupTask task(long blocks, long finishedBlocks, long tablets, long finishedTablets, long output) {
        return new BackupTask(1, 7, "BACKUP_DATA_MAJOR", tablets, finishedTablets, blocks, finishedBlocks, output * 5 / 3,
                output);
    }
}
