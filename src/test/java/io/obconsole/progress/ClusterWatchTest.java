package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ProgressRound;
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

/** One cluster's jobs across rounds: ended jobs stay shown, and a cluster that numbers its jobs anew drops the old numbering. */
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
}
