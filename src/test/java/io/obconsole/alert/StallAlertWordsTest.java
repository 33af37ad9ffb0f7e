package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.failure.FailureExplanations;
import io.obconsole.cluster.BackupJob;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.fleet.ClusterRound.JobChange;
import io.obconsole.fleet.ClusterRound.JobEvent;
import io.obconsole.fleet.ClusterRound.Seen;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.JobKey;
import io.obconsole.fleet.JobStatus;
import io.obconsole.fleet.Progress;
import java.time.LocalDateTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A stalled job that ended reads, in the alert that says the stall is over, as its row on the
 * pages reads (Completed, Failed, Cancelled), not in OceanBase's status words.
 */
class StallAlertWordsTest {

    private static final Instant NOW = Instant.parse("2024-05-20T10:00:00Z");

    private final List<AlertEvent> raised = new ArrayList<>();
    private final Alarms alarms = new Alarms(new AlertStore(null, Duration.ofMinutes(30), Clock.systemUTC(), "test") {
        @Override
        public Optional<AlertEvent> condition(String key, ObjectiveState level, Grouping grouping,
                Function<Change, AlertEvent> eventFor) {
            AlertEvent event = eventFor.apply(new Change(ObjectiveState.BREACHED, level, 0, NOW));
            if (event != null && event.kind() == AlertKind.JOB_RESUMED) {
                raised.add(event);
            }
            return Optional.empty();
        }

        @Override
        public Optional<AlertEvent> raise(AlertEvent draft) {
            return Optional.empty(); // a failed job's own message is not what this test reads
        }
    }, null, new FailureExplanations() {
        @Override
        public String of(long result) {
            return "explained";
        }
    });

    @Test
    void aStalledJobThatWasCancelledEndsCancelled() {
        assertThat(stallOverSummary("CANCELED", -4072L)).endsWith("is no longer stalled: it ended Cancelled");
    }

    @Test
    void aStalledJobWhoseRowSaysFailedWithOceanBasesCancelCodeEndsCancelledToo() {
        assertThat(stallOverSummary("FAILED", -4072L)).endsWith("it ended Cancelled");
    }

    @Test
    void aStalledJobThatCompletedOrFailedEndsInThePagesWords() {
        assertThat(stallOverSummary("COMPLETED", 0L)).endsWith("it ended Completed");
        assertThat(stallOverSummary("FAILED", -9081L)).endsWith("it ended Failed");
    }

    /** The summary of the alert that the stall of job 3 is over, once the cluster lists it ended with this status. */
    private String stallOverSummary(String status, Long result) {
        raised.clear();
        FleetJob stalled = job("DOING", true, null, null);
        FleetJob ended = job(status, false, result, "2024-05-20T09:59:00");
        alarms.jobs(new ClusterRound("demo", null, List.of(new JobChange(JobEvent.ENDED, ended, stalled, Seen.WATCHED)),
                List.of(), ClusterRound.Reach.STEADY));
        assertThat(raised).hasSize(1);
        return raised.get(0).summary();
    }

    private static FleetJob job(String status, boolean stalled, Long result, String endedAt) {
        BackupJob row = new BackupJob(1002, "mysql_tenant", 3, 1, 0, 1, 0, "FULL", false, "NONE",
                LocalDateTime.parse("2024-05-20T09:00:00"), endedAt == null ? null : LocalDateTime.parse(endedAt), status,
                result == null ? 0 : result, null, null, List.of());
        return new FleetJob(JobKey.of("demo", row), row, JobStatus.of(status), endedAt == null,
                new Progress(42.0, 0, null, null, stalled), "BACKUP_DATA", 0);
    }
}
