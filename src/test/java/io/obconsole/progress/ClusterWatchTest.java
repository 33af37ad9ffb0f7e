package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ProgressRound;
import io.obconsole.fleet.ClusterRound.JobChange;
import io.obconsole.fleet.ClusterRound.JobEvent;
import io.obconsole.fleet.ClusterRound.Seen;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.JobKey;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One cluster's jobs across rounds: ended jobs stay shown, a cluster that numbers its jobs anew drops the old
 * numbering, and each change of a job is found once, against the round before.
 */
class ClusterWatchTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 20, 10, 0);

    /** The console's own defaults (ended jobs kept 24 h, at most 500), read as Quarkus reads them ("24H" and the like). */
    private final ClusterWatch watch = new ClusterWatch("demo", new SmallRyeConfigBuilder().withMapping(ProgressConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter()).build().getConfigMapping(ProgressConfig.class));

    private static BackupJob job(long id, LocalDateTime start, String status) {
        LocalDateTime end = "COMPLETED".equals(status) ? start.plusMinutes(1) : null;
        return new BackupJob(1002, "mysql_tenant", id, 1, id, 1002, id, "FULL", false, "NONE", start, end, status, 0, null,
                null, List.of());
    }

    private Map<JobKey, FleetJob> round(LocalDateTime now, List<BackupJob> running, List<BackupJob> ended) {
        return watch.apply(new ProgressRound("demo", now, running, ended, Map.of()), job -> { });
    }

    @Test
    void endedJobsStayShownAcrossRounds() {
        round(T0.plusMinutes(2), List.of(), List.of(job(4, T0, "COMPLETED"), job(5, T0.plusSeconds(70), "COMPLETED")));
        Map<JobKey, FleetJob> later = round(T0.plusMinutes(30), List.of(job(6, T0.plusMinutes(29), "DOING")), List.of());
        assertThat(later.keySet()).extracting(JobKey::jobId).containsExactlyInAnyOrder(6L, 4L, 5L);
    }

    @Test
    void aClusterThatNumbersItsJobsAnewDropsTheJobsOfTheEarlierNumbering() {
        round(T0.plusMinutes(5), List.of(), List.of(job(4, T0, "COMPLETED"), job(5, T0.plusMinutes(2), "COMPLETED"),
                job(6, T0.plusMinutes(4), "COMPLETED")));
        // recreated: its job 2 starts later than every job shown so far
        Map<JobKey, FleetJob> after = round(T0.plusHours(1), List.of(job(2, T0.plusMinutes(59), "DOING")), List.of());
        List<Long> ids = new ArrayList<>(after.keySet().stream().map(JobKey::jobId).toList());
        assertThat(ids).containsExactly(2L);
        assertThat(after.values()).allMatch(j -> j.job().start().equals(T0.plusMinutes(59)));
    }

    @Test
    void aNewJobWithAHigherIdKeepsTheEarlierOnes() {
        round(T0.plusMinutes(5), List.of(), List.of(job(4, T0, "COMPLETED")));
        Map<JobKey, FleetJob> after = round(T0.plusMinutes(10), List.of(job(5, T0.plusMinutes(9), "DOING")), List.of());
        assertThat(after.keySet()).extracting(JobKey::jobId).containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void eachChangeOfAJobIsFoundOnceAgainstTheRoundBefore() {
        BackupJob running = job(7, T0.minusMinutes(1), "DOING");
        BackupJob old = job(4, T0.minusHours(3), "COMPLETED");
        assertThat(changes(T0, List.of(running), List.of(old))).extracting(JobChange::event, c -> c.job().key().jobId(), JobChange::seen)
                .as("the first read: what it finds may have happened at any time")
                .containsExactly(tuple(JobEvent.STARTED, 7L, Seen.FIRST_READ), tuple(JobEvent.ENDED, 4L, Seen.FIRST_READ));
        assertThat(changes(T0.plusSeconds(30), List.of(running), List.of(old))).as("nothing moved, not yet for long").isEmpty();

        // no counter moved for longer than the stall threshold (60 s by default)
        List<JobChange> stalled = changes(T0.plusSeconds(61), List.of(running), List.of(old));
        assertThat(stalled).extracting(JobChange::event, JobChange::seen).containsExactly(tuple(JobEvent.STALLED, Seen.WATCHED));
        assertThat(changes(T0.plusSeconds(90), List.of(running), List.of(old))).as("still stalled: no new change").isEmpty();

        BackupJob failed = new BackupJob(1002, "mysql_tenant", 7, 1, 7, 1002, 7, "FULL", false, "NONE", T0.minusMinutes(1),
                T0.plusSeconds(95), "FAILED", -9070, "can not connect", null, List.of());
        List<JobChange> ended = changes(T0.plusSeconds(100), List.of(job(8, T0.plusSeconds(99), "DOING")), List.of(failed, old));
        assertThat(ended).extracting(JobChange::event, c -> c.job().key().jobId())
                .containsExactly(tuple(JobEvent.STARTED, 8L), tuple(JobEvent.ENDED, 7L));
        assertThat(ended.get(1).wasStalled()).as("it ended while stalled").isTrue();
        assertThat(ended.get(1).job().status()).isEqualTo(io.obconsole.fleet.JobStatus.FAILED);

        List<JobChange> gone = changes(T0.plusSeconds(110), List.of(), List.of(failed, old));
        assertThat(gone).extracting(JobChange::event, c -> c.job().key().jobId()).containsExactly(tuple(JobEvent.UNLISTED, 8L));
    }

    @Test
    void aStalledJobWhoseCountersMoveAgainIsFoundMovingOnce() {
        changes(T0, List.of(withOutput(9, 100)), List.of());
        assertThat(changes(T0.plusSeconds(61), List.of(withOutput(9, 100)), List.of())).extracting(JobChange::event)
                .containsExactly(JobEvent.STALLED);
        List<JobChange> moving = changes(T0.plusSeconds(62), List.of(withOutput(9, 200)), List.of());
        assertThat(moving).extracting(JobChange::event).containsExactly(JobEvent.MOVING_AGAIN);
        assertThat(moving.get(0).wasStalled()).isTrue();
        assertThat(changes(T0.plusSeconds(63), List.of(withOutput(9, 300)), List.of())).isEmpty();
    }

    private static BackupJob withOutput(long id, long outputBytes) {
        return new BackupJob(1002, "mysql_tenant", id, 1, id, 1002, id, "FULL", false, "NONE", T0.minusMinutes(1), null,
                "DOING", 0, null, null, List.of(new io.obconsole.cluster.BackupTask(id, id, "BACKUP_DATA", 10, 1, 10, 1,
                        outputBytes, outputBytes)));
    }

    private List<JobChange> changes(LocalDateTime now, List<BackupJob> running, List<BackupJob> ended) {
        List<JobChange> changes = new ArrayList<>();
        watch.apply(new ProgressRound("demo", now, running, ended, Map.of()), changes::add);
        return changes;
    }
}
