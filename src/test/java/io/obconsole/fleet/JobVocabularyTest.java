package io.obconsole.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.BackupTask;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one job vocabulary: which statuses run, the filter every list uses, the key, the percent. */
class JobVocabularyTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 30, 22, 15, 1, 123_456_789);

    @Test
    void initDoingAndCancelingRunUntilTheRowHasAnEnd() {
        assertThat(List.of(JobStatus.values())).filteredOn(JobStatus::running)
                .containsExactly(JobStatus.INIT, JobStatus.DOING, JobStatus.CANCELING);
        assertThat(JobStatus.running(job("DOING", null, "FULL"))).isTrue();
        assertThat(JobStatus.running(job("DOING", START.plusMinutes(1), "FULL"))).isFalse();
        assertThat(JobStatus.of("canceled")).isEqualTo(JobStatus.CANCELED);
        assertThat(JobStatus.of("SOMETHING_NEW")).isEqualTo(JobStatus.UNKNOWN);
    }

    @Test
    void theKeyTellsApartTwoJobsWithTheSameIdAndKeepsTheStartToTheMicrosecond() {
        JobKey first = JobKey.of("demo", job("DOING", null, "FULL"));
        BackupJob reused = new BackupJob(1002, "mysql_tenant", 7, 2, 3, 1, 5, "FULL", false, "NONE", START, null, "DOING",
                0, "", null, List.of());
        assertThat(first).isNotEqualTo(JobKey.of("demo", reused));
        assertThat(first.text()).isEqualTo("demo/1002/1/7/" + (START.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000
                + 123_456));
    }

    @Test
    void oneFilterServesPagesAndApi() {
        FleetJob doing = fleetJob(job("DOING", null, "INC"));
        FleetJob failed = fleetJob(job("FAILED", START.plusMinutes(5), "FULL"));
        JobFilter running = new JobFilter(" ", null, null, "RUNNING", null, null, null);
        assertThat(running.matches(doing)).isTrue();
        assertThat(running.matches(failed)).isFalse();
        assertThat(new JobFilter(null, null, "INCREMENTAL", null, null, null, null).matches(doing)).isTrue();
        assertThat(new JobFilter(null, null, "INC", null, null, null, null).matches(doing)).isTrue();
        assertThat(new JobFilter(null, null, "FULL", "FAILED", START, null, null).matches(failed)).isTrue();
        assertThat(new JobFilter(null, null, null, null, null, LocalDate.of(2026, 12, 1), null).matches(failed)).isFalse();
        assertThat(new JobFilter("other", null, null, null, null, null, null).matches(failed)).isFalse();
    }

    @Test
    void percentIsFlooredToATenthSoItNeverReads100BeforeTheEnd() {
        assertThat(Progress.percent(List.of(task(3, 2)))).isEqualTo(66.6);
        assertThat(Progress.percent(List.of(task(10_000, 9_999)))).isEqualTo(99.9);
        assertThat(Progress.percent(List.of())).isNull();
        assertThat(Progress.eta(50.0, 100, 10L)).isEqualTo(10);
        assertThat(Progress.eta(null, 100, 10L)).isNull();
    }

    private static FleetJob fleetJob(BackupJob job) {
        return new FleetJob(JobKey.of("demo", job), job, JobStatus.of(job.status()), JobStatus.running(job),
                Progress.NONE, job.status(), 0);
    }

    private static BackupJob job(String status, LocalDateTime end, String type) {
        return new BackupJob(1002, "mysql_tenant", 7, 1, 3, 1, 5, type, false, "NONE", START, end, status, 0, "", null,
                List.of());
    }

    private static BackupTask task(long blocks, long finished) {
        return new BackupTask(1, 7, "BACKUP_DATA_MAJOR", 1, 0, blocks, finished, 0, 0);
    }
}
