package io.obconsole.progress;

import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ProgressQueries;
import io.obconsole.cluster.ProgressRound;
import io.obconsole.backup.BackupsChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Polls every cluster for backup progress: one fixed round of queries per cluster when it is due
 * (often while something runs, seldom when idle), whatever the number of watchers. Each cluster
 * has its own worker, so a slow or dead cluster (bounded by its query timeout) delays only itself.
 */
@ApplicationScoped
public class ProgressPoller {

    private static final Logger LOG = Logger.getLogger(ProgressPoller.class);

    private final ClusterGateway gateway;
    private final ProgressQueries queries;
    private final ProgressConfig config;
    private final ProgressHub hub;
    private final JobEndFeed ends;
    private final ProgressMetrics metrics;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    public ProgressPoller(ClusterGateway gateway, ProgressQueries queries, ProgressConfig config, ProgressHub hub,
            JobEndFeed ends, ProgressMetrics metrics) {
        this.gateway = gateway;
        this.queries = queries;
        this.config = config;
        this.hub = hub;
        this.ends = ends;
        this.metrics = metrics;
    }

    /** The scheduled tick's identity (a test pauses it to drive rounds itself). */
    static final String TICK = "progress-tick";

    /** The scheduler's tick only decides who is due; the rounds run on the clusters' own workers. */
    @Scheduled(identity = TICK, every = "${console.progress.tick:1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        // due within half a tick counts as due now: else a round due just after this tick waits a whole extra tick
        long now = System.nanoTime() + config.tick().toNanos() / 2;
        for (String cluster : gateway.clusters()) {
            workers.computeIfAbsent(cluster, Worker::new).startIfDue(now);
        }
    }

    /**
     * Polls the cluster now, on its worker (after a round already under way), e.g. right after
     * someone started or cancelled a backup there; completes when the round has run.
     */
    public CompletableFuture<Void> pollNow(String cluster) {
        if (!gateway.clusters().contains(cluster)) {
            return CompletableFuture.completedFuture(null);
        }
        Worker worker = workers.computeIfAbsent(cluster, Worker::new);
        return CompletableFuture.runAsync(worker::round, worker.executor);
    }

    /** A backup was started or cancelled through the console: its watchers see the job at once. */
    void backupsChanged(@Observes BackupsChanged event) {
        pollNow(event.cluster());
    }

    void stop(@Observes ShutdownEvent event) {
        workers.values().forEach(worker -> worker.executor.shutdownNow());
    }

    /** One cluster's thread, its watch and when it is due next. */
    private final class Worker {
        final ClusterWatch watch;
        final ExecutorService executor;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile long dueAt = System.nanoTime();
        volatile boolean failing;

        Worker(String cluster) {
            this.watch = new ClusterWatch(cluster, config);
            this.executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "progress-" + cluster);
                thread.setDaemon(true);
                return thread;
            });
        }

        void startIfDue(long now) {
            if (now - dueAt >= 0 && busy.compareAndSet(false, true)) {
                executor.execute(() -> {
                    try {
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
            try {
                ProgressRound round = queries.poll(watch.cluster(), watch.watermark(), config.endedLimit());
                metrics.round(watch.cluster());
                List<JobProgress> newlyEnded = new ArrayList<>();
                Map<String, JobProgress> jobs = watch.apply(round, newlyEnded::add);
                long running = jobs.values().stream().filter(JobProgress::running).count();
                active = running > 0;
                // watchers first: the audit database's pace must never hold up what they see
                hub.publish(watch.cluster(), jobs);
                metrics.running(watch.cluster(), running);
                metrics.clusterNow(watch.cluster(), round.clusterNow());
                ends.offer(newlyEnded);
                if (failing) {
                    LOG.infof("Cluster %s answers progress queries again", watch.cluster());
                    failing = false;
                }
            } catch (RuntimeException e) {
                active = false;
                if (!failing) {
                    LOG.warnf("Progress of cluster %s not read: %s", watch.cluster(), e.getMessage());
                    failing = true;
                }
            } finally {
                Duration interval = active ? config.activeInterval() : config.idleInterval();
                dueAt = started + interval.toNanos();
            }
        }
    }
}
