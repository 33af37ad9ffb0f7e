package io.obconsole.progress;

import io.micrometer.core.instrument.Counter;
import io.obconsole.backup.BackupsChanged;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.ObErrorException;
import io.obconsole.cluster.ProgressQueries;
import io.obconsole.cluster.ProgressRound;
import io.obconsole.cluster.StatementCounter;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.fleet.ClusterRound.JobChange;
import io.obconsole.fleet.Fleet;
import io.obconsole.fleet.FleetConfig;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.fleet.JobKey;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Polls every cluster and keeps the {@link Fleet} read model: one fixed round of progress queries
 * per cluster when it is due ({@link PollCadence}: every second while something runs that an open
 * page watches, every few seconds while it runs unwatched, seldom when idle), whatever the number
 * of watchers or page views; the reads that are costly on a real cluster (tenants' state, GV$
 * parameters, backup-set files) on their own slower cadence and right after a job started or ended
 * or the console acted. The clusters' rounds share a bounded pool of threads ({@code console.progress.threads},
 * whatever the number of clusters); each cluster's rounds run one after another and hold at most one
 * of them, so a slow or dead cluster (bounded by its query timeout) delays only itself while fewer
 * clusters than threads hang at once.
 */
@ApplicationScoped
public class ProgressPoller {

    private static final Logger LOG = Logger.getLogger(ProgressPoller.class);

    private final ClusterGateway gateway;
    private final ProgressQueries queries;
    private final ProgressConfig config;
    private final FleetConfig fleetConfig;
    private final Fleet fleet;
    private final ProgressHub hub;
    private final ProgressMetrics metrics;
    private final Event<ClusterRound> rounds;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor threads;
    private final PollCadence cadence;

    public ProgressPoller(ClusterGateway gateway, ProgressQueries queries, ProgressConfig config,
            FleetConfig fleetConfig, Fleet fleet, ProgressHub hub, ProgressMetrics metrics, Event<ClusterRound> rounds) {
        this.gateway = gateway;
        this.queries = queries;
        this.config = config;
        this.cadence = PollCadence.of(config);
        this.fleetConfig = fleetConfig;
        this.fleet = fleet;
        this.hub = hub;
        this.metrics = metrics;
        this.rounds = rounds;
        if (config.threads() < 1) {
            throw new IllegalArgumentException("console.progress.threads is " + config.threads() + ": the poller needs at least one thread");
        }
        AtomicInteger count = new AtomicInteger();
        // a fixed pool: the threads are made once and kept, none per cluster
        this.threads = new ThreadPoolExecutor(config.threads(), config.threads(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, StatementCounter.POLLER_THREAD_PREFIX + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The scheduled tick's identity (a test pauses it to drive rounds itself). */
    public static final String TICK = "progress-tick";

    /** The scheduler's tick only decides who is due; the rounds run on the shared pool, each cluster's in turn. */
    // every console instance polls for its own watchers: the in-memory scheduler, never the clustered Quartz
    @Scheduled(identity = TICK, every = "${console.progress.tick}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        // due within half a tick counts as due now: else a round due just after this tick waits a whole extra tick
        long now = System.nanoTime() + config.tick().toNanos() / 2;
        Predicate<String> watched = hub.watchedClusters();
        for (String cluster : gateway.clusters()) {
            workers.computeIfAbsent(cluster, Worker::new).startIfDue(now, watched.test(cluster));
        }
    }

    /**
     * Polls the cluster's progress now, on its worker (after a round already under way);
     * completes when the round has run.
     */
    public CompletableFuture<Void> pollNow(String cluster) {
        return poll(cluster, false);
    }

    /**
     * Reads the whole cluster now, progress and the slower state, e.g. right after someone
     * started or cancelled a backup or changed a setting there; completes when the round has run.
     */
    public CompletableFuture<Void> refreshNow(String cluster) {
        return poll(cluster, true);
    }

    private CompletableFuture<Void> poll(String cluster, boolean withState) {
        if (!gateway.clusters().contains(cluster)) {
            return CompletableFuture.completedFuture(null);
        }
        Worker worker = workers.computeIfAbsent(cluster, Worker::new);
        if (withState) {
            worker.stateWanted = true;
        }
        return CompletableFuture.runAsync(worker::round, worker.executor);
    }

    /**
     * The console acted on the cluster: its watchers and pages see the change at once. The person
     * who acted waits for that read (at most {@code console.fleet.action-refresh-wait}), so the
     * page or API call that follows shows what they just did.
     */
    void backupsChanged(@Observes BackupsChanged event) {
        try {
            refreshNow(event.cluster()).get(fleetConfig.actionRefreshWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("Cluster %s not read again after an action: %s", event.cluster(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.shutdownNow();
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ClusterUnreachableException unreachable) {
            return unreachable.reason();
        }
        if (e instanceof ObErrorException refused) {
            return "OceanBase error " + refused.error().code() + ": " + refused.error().text();
        }
        return String.valueOf(e.getMessage());
    }

    /** One cluster's rounds in turn, its watch and when it is due next. */
    private final class Worker {
        final ClusterWatch watch;
        final Executor executor;
        final Counter late;
        final AtomicBoolean busy = new AtomicBoolean();
        final ClusterPace pace;
        volatile boolean stateWanted = true;
        long stateDueAt = System.nanoTime();
        volatile boolean failing;

        Worker(String cluster) {
            this.watch = new ClusterWatch(cluster, config);
            this.executor = new SerialExecutor(threads);
            this.late = metrics.lateRounds(cluster);
            this.pace = new ClusterPace(cadence, System.nanoTime());
        }

        void startIfDue(long now, boolean watched) {
            ClusterPace.Due due = pace.due(now, watched);
            if (due != null && busy.compareAndSet(false, true)) {
                executor.execute(() -> {
                    try {
                        if (due.lateAt(System.nanoTime())) {
                            late.increment();
                        }
                        round();
                    } finally {
                        busy.set(false);
                    }
                });
            }
        }

        private void round() {
            long started = System.nanoTime();
            boolean active = true;
            ClusterRound changed = null;
            try {
                ProgressRound round = queries.poll(watch.cluster(), watch.watermark(), config.endedLimit());
                metrics.round(watch.cluster());
                List<JobChange> jobChanges = new ArrayList<>();
                Map<JobKey, FleetJob> jobs = watch.apply(round, jobChanges::add);
                List<FleetRestore> restoresChanged = new ArrayList<>();
                List<FleetRestore> restores = watch.restores(round, restoresChanged::add);
                long running = jobs.values().stream().filter(FleetJob::running).count();
                active = running > 0 || restores.stream().anyMatch(FleetRestore::running);
                // watchers and pages first: the audit database's pace must never hold up what they see
                fleet.progressRead(watch.cluster(), round.clusterNow(), List.copyOf(jobs.values()), restores);
                hub.publish(watch.cluster(), watch.forWatchers(jobs), restores);
                List<ClusterRound.TenantChange> tenantChanges = List.of();
                // a job started outside the console: its sys job and the preflight read with it, not a state interval later
                if (stateWanted || ClusterRound.any(jobChanges, ClusterRound.JobEvent.STARTED)
                        || ClusterRound.any(jobChanges, ClusterRound.JobEvent.ENDED) || !restoresChanged.isEmpty()
                        || System.nanoTime() - stateDueAt >= 0) {
                    stateWanted = false;
                    stateDueAt = System.nanoTime() + fleetConfig.stateInterval().toNanos();
                    tenantChanges = fleet.stateRead(gateway.state(watch.cluster(), fleetConfig.backupSets()));
                }
                metrics.running(watch.cluster(), running);
                metrics.restoresRunning(watch.cluster(), restores.stream().filter(FleetRestore::running).count());
                metrics.clusterNow(watch.cluster(), round.clusterNow());
                changed = new ClusterRound(watch.cluster(), round.clusterNow(), jobChanges, tenantChanges,
                        failing ? ClusterRound.Reach.BACK : ClusterRound.Reach.STEADY, restoresChanged.stream()
                                .map(r -> new ClusterRound.RestoreChange(r, !r.running())).toList());
                if (failing) {
                    LOG.infof("Cluster %s answers progress queries again", watch.cluster());
                    failing = false;
                }
            } catch (RuntimeException e) {
                active = false;
                stateWanted = true;
                fleet.failed(watch.cluster(), reason(e));
                if (!failing) {
                    LOG.warnf("Progress of cluster %s not read: %s", watch.cluster(), e.getMessage());
                    failing = true;
                    changed = ClusterRound.reach(watch.cluster(), ClusterRound.Reach.UNREACHABLE);
                }
            } finally {
                pace.ran(started, active);
            }
            announce(changed);
        }

        /**
         * Tells the observers what the round changed: the job ends' audit records and metrics and the
         * alerts at once, on this thread (each hands slow work off it; a quiet round lets the audit feed
         * offer again what the trail refused before), the objective round on its own.
         */
        private void announce(ClusterRound changed) {
            if (changed == null) {
                return;
            }
            try {
                rounds.fire(changed);
            } catch (RuntimeException e) {
                LOG.warnf("What round of cluster %s changed was not fully taken: %s", watch.cluster(), e.getMessage());
            }
            if (changed.changesRecoverability()) {
                // off this thread: what follows from the new sets must not hold up the next round
                rounds.fireAsync(changed);
            }
        }
    }
}
