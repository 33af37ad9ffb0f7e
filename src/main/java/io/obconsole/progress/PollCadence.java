package io.obconsole.progress;

import java.time.Duration;

/**
 * How long after a round's start a cluster is read again: every second while something runs there
 * that an open page watches, every few seconds while something runs that nobody watches, seldom
 * when nothing runs. A page that starts watching a busy cluster makes it due at once.
 */
record PollCadence(Duration active, Duration unwatched, Duration idle) {

    static PollCadence of(ProgressConfig config) {
        return new PollCadence(config.activeInterval(), config.unwatchedInterval(), config.idleInterval());
    }

    /** The interval after a round that found something running ({@code running}) or not. */
    Duration interval(boolean running, boolean watched) {
        return !running ? idle : watched ? active : unwatched;
    }
}
