package io.obconsole.progress;

/**
 * When one cluster's next round is due, and whether a round started late, in
 * {@link System#nanoTime()} units: its first round is due when the cluster is found; later ones
 * one {@link PollCadence} interval after the last round's start, the interval chosen by what that
 * round found running and whether an open page watches the cluster now. A page that starts
 * watching makes a busy cluster due at once, and due from that moment, not from when the shorter
 * interval would have had it.
 */
final class ClusterPace {

    private final PollCadence cadence;
    private volatile long lastStarted;
    private volatile boolean lastActive;
    private volatile boolean ran;
    private volatile boolean watched;
    private volatile long watchedSince;

    ClusterPace(PollCadence cadence, long now) {
        this.cadence = cadence;
        this.watchedSince = now;
    }

    /** At a tick: the round to start now, or null while the cluster is not due. */
    Due due(long now, boolean watchedNow) {
        if (watchedNow != watched) {
            watched = watchedNow;
            watchedSince = now;
        }
        long interval = cadence.interval(lastActive, watchedNow).toNanos();
        if (!ran) {
            return new Due(now, interval, true);
        }
        long due = lastStarted + interval;
        if (now - due < 0) {
            return null;
        }
        return new Due(due - watchedSince > 0 ? due : watchedSince, interval, false);
    }

    /** A round started then, and found something running ({@code active}) or not. */
    void ran(long started, boolean active) {
        lastStarted = started;
        lastActive = active;
        ran = true;
    }

    /** A round due since {@code since}, at the cadence's {@code interval}. */
    record Due(long since, long interval, boolean first) {

        /**
         * Whether a round that starts then started more than one interval after it was due; a first
         * round never did (the start-up's queue of them is not lateness).
         */
        boolean lateAt(long startedAt) {
            return !first && startedAt - since > interval;
        }
    }
}
