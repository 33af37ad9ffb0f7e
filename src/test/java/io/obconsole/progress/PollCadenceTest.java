package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How soon a cluster is read again, from what its last round found and whether a page watches it. */
class PollCadenceTest {

    private static final PollCadence DEFAULTS = new PollCadence(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    @Test
    void aRunningJobThatAPageWatchesIsReadEverySecond() {
        assertThat(DEFAULTS.interval(true, true)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRunningJobNobodyWatchesIsReadEveryFewSeconds() {
        assertThat(DEFAULTS.interval(true, false)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aClusterWithNothingRunningIsReadSeldomWatchedOrNot() {
        assertThat(DEFAULTS.interval(false, true)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULTS.interval(false, false)).isEqualTo(Duration.ofSeconds(10));
    }
}
