package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a cluster's rounds are due and which start late, on a clock of nanoseconds the test moves. */
class ClusterPaceTest {

    private static final long S = Duration.ofSeconds(1).toNanos();
    private static final PollCadence CADENCE = new PollCadence(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    private final ClusterPace pace = new ClusterPace(CADENCE, 0);

    @Test
    void theFirstRoundIsDueWhenTheClusterIsFoundAndIsNeverLate() {
        ClusterPace.Due first = pace.due(0, false);

        assertThat(first).isNotNull();
        assertThat(first.lateAt(60 * S)).as("behind a start-up's queue of first rounds").isFalse();
    }

    @Test
    void aBusyClusterNobodyWatchesIsDueFiveSecondsAfterItsLastRoundStarted() {
        pace.ran(0, true);

        assertThat(pace.due(4 * S, false)).isNull();
        ClusterPace.Due due = pace.due(5 * S, false);
        assertThat(due).isNotNull();
        assertThat(due.lateAt(9 * S)).isFalse();
        assertThat(due.lateAt(11 * S)).isTrue();
    }

    @Test
    void anIdleClusterIsDueTenSecondsAfterWatchedOrNot() {
        pace.ran(0, false);

        assertThat(pace.due(9 * S, true)).isNull();
        assertThat(pace.due(9 * S, false)).isNull();
        assertThat(pace.due(10 * S, false)).isNotNull();
        assertThat(pace.due(10 * S, true)).isNotNull();
    }

    @Test
    void aPageThatStartsWatchingMakesABusyClusterDueAtOnceAndDueFromThen() {
        pace.ran(0, true);
        assertThat(pace.due(3 * S, false)).as("unwatched: five seconds").isNull();

        ClusterPace.Due due = pace.due(3 * S + S / 2, true);

        assertThat(due).as("watched: one second after the last round, long past").isNotNull();
        assertThat(due.lateAt(4 * S)).as("half a second after the page came").isFalse();
        assertThat(due.lateAt(5 * S)).as("one and a half seconds after").isTrue();
    }

    @Test
    void aWatchedBusyClusterIsDueEverySecond() {
        assertThat(pace.due(0, true)).isNotNull();
        pace.ran(0, true);

        assertThat(pace.due(S / 2, true)).isNull();
        assertThat(pace.due(S, true)).isNotNull();
    }
}
