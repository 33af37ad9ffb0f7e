package io.obconsole.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.BackupTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20, point 2: one percent in words for pages, alerts and API texts; an alert said "100 %" of a job at 99.6. */
class ProgressWordsTest {

    @Test
    void aPercentReadsToATenthAndNeverRoundsUpToTheEnd() {
        assertThat(Progress.words(99.6)).isEqualTo("99.6 %");
        assertThat(Progress.words(99.96)).isEqualTo("99.9 %");
        assertThat(Progress.words(66.0)).isEqualTo("66 %");
        assertThat(Progress.words(100.0)).isEqualTo("100 %");
        assertThat(Progress.words(null)).isEqualTo("–");
    }

    @Test
    void theWordsOfAJobsCountersAreTheWordsOfItsPercent() {
        BackupTask task = new BackupTask(1, 1, "BACKUP_DATA", 10, 9, 1000, 996, 0, 0);
        assertThat(Progress.words(Progress.percent(List.of(task)))).isEqualTo("99.6 %");
    }
}
