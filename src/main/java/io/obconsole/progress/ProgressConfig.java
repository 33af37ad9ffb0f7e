package io.obconsole.progress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How often clusters are polled for progress and how much the socket buffers per watcher. */
@ConfigMapping(prefix = "console.progress")
public interface ProgressConfig {

    /**
     * How often the poller checks which clusters are due (the intervals below are rounded to it;
     * the scheduler's finest step is one second). {@link ProgressPoller}'s schedule reads it as
     * {@code ${console.progress.tick}}.
     */
    @WithDefault("1S")
    Duration tick();

    /**
     * Threads the clusters' rounds share, whatever the number of clusters; each cluster holds at
     * most one at a time, so this many clusters may hang (up to their query timeout) before the
     * others' rounds wait.
     */
    @WithDefault("8")
    int threads();

    /**
     * Poll interval of a cluster while any of its jobs is INIT, DOING or CANCELING (or a restore
     * runs) and an open page's socket watches it: what a person follows live moves every second.
     */
    @WithDefault("1S")
    Duration activeInterval();

    /**
     * Poll interval of a cluster with something running that no open page of this instance watches:
     * its job ends, stalls and metrics still come within this, and a fleet of a hundred clusters
     * busy at once is not read a hundred times a second for nobody.
     */
    @WithDefault("5S")
    Duration unwatchedInterval();

    /**
     * How often job ends that no console saw (it was stopped while they ran) are looked for again, for clusters
     * that did not answer at start. {@link JobEndCatchUp}'s schedule reads it as
     * {@code ${console.progress.catch-up-interval}}.
     */
    @WithDefault("5M")
    Duration catchUpInterval();

    /** Poll interval of a cluster with nothing running. */
    @WithDefault("10S")
    Duration idleInterval();

    /** A running job whose counters did not move for this long (cluster time) is flagged stalled. */
    @WithDefault("60S")
    Duration stallAfter();

    /** The rate is the output bytes over this window of observations. */
    @WithDefault("30S")
    Duration rateWindow();

    /** Ended jobs stay in snapshots this long after their end (cluster time). */
    @WithDefault("24H")
    Duration endedRetention();

    /** At most this many ended jobs per cluster in snapshots, and per round read from the history. */
    @WithDefault("500")
    int endedLimit();

    /** Messages a watcher may have waiting; one more and its queue is dropped and it is told to resync. */
    @WithDefault("16")
    int clientQueue();

    /**
     * Origins ({@code scheme://host[:port]}) a browser may open the socket from; empty = only the
     * console's own origin as the request addressed it.
     */
    Optional<List<String>> allowedOrigins();
}
