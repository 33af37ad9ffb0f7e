package io.obconsole.progress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.StatementCounter;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.fleet.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's backup and restore metrics, fed by the poller: running jobs and restores per
 * cluster, seconds since each tenant's last successful backup (the figure an alert on "no backup for
 * a day" wants), the duration of ended jobs and of ended restores by outcome; and the statements the
 * console sent to clusters, by source.
 */
@ApplicationScoped
public class ProgressMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> restoresRunning = new ConcurrentHashMap<>();
    private final Map<String, LastSuccess> lastSuccess = new ConcurrentHashMap<>();

    public ProgressMetrics(MeterRegistry registry, ClusterGateway gateway) {
        this.registry = registry;
        StatementCounter statements = gateway.statements();
        FunctionCounter.builder("obconsole.cluster.statements", statements, StatementCounter::poller)
                .tags("source", "poller").description("Statements sent to clusters by the poller's rounds")
                .register(registry);
        FunctionCounter.builder("obconsole.cluster.statements", statements, StatementCounter::other)
                .tags("source", "other").description("Statements sent to clusters by actions and preflights "
                        + "(page views and API reads send none)")
                .register(registry);
    }

    /** One query round on a cluster ({@code obconsole.progress.rounds}: the poller's load on it, whatever the watchers). */
    void round(String cluster) {
        registry.counter("obconsole.progress.rounds", "cluster", cluster).increment();
    }

    /**
     * A round that started more than one interval after it was due ({@code obconsole.progress.rounds.late}):
     * the poller did not keep up with the cluster (a cluster slower than its interval, or too few threads for the fleet).
     */
    Counter lateRounds(String cluster) {
        return Counter.builder("obconsole.progress.rounds.late").tags("cluster", cluster)
                .description("Rounds that started more than one poll interval after they were due").register(registry);
    }

    void running(String cluster, long count) {
        perCluster(running, "obconsole.backup.jobs.running", "Backup jobs INIT, DOING or CANCELING", cluster).set(count);
    }

    /** Restores of the cluster still running (creating the tenant, restoring data and log, checking, upgrading). */
    void restoresRunning(String cluster, long count) {
        perCluster(restoresRunning, "obconsole.restore.jobs.running", "Restores still running (CDB_OB_RESTORE_PROGRESS)",
                cluster).set(count);
    }

    /** A gauge per cluster, registered the first time the cluster reports. */
    private AtomicLong perCluster(Map<String, AtomicLong> gauges, String name, String description, String cluster) {
        return gauges.computeIfAbsent(cluster, c -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags("cluster", c).description(description).register(registry);
            return value;
        });
    }

    /** The restores a cluster round found ended. */
    void round(@Observes ClusterRound round) {
        round.restores().stream().filter(ClusterRound.RestoreChange::ended).map(ClusterRound.RestoreChange::restore)
                .forEach(this::restoreEnded);
    }

    /** An ended restore seen for the first time: its duration (START_TIMESTAMP to FINISH_TIMESTAMP) by outcome. */
    void restoreEnded(FleetRestore restore) {
        if (restore.running() || restore.row().start() == null || restore.row().end() == null) {
            return;
        }
        Timer.builder("obconsole.restore.duration").description("Duration of ended restores, by how they ended")
                .tags(Tags.of("cluster", restore.cluster(), "outcome", restore.outcome().name()))
                .register(registry).record(Duration.between(restore.row().start(), restore.row().end()));
    }

    /** An ended job seen for the first time: its duration, and a success moves the tenant's last-success time. */
    void ended(FleetJob job) {
        LocalDateTime start = job.job().start();
        LocalDateTime end = job.job().end();
        if (start == null || end == null) {
            return;
        }
        Timer.builder("obconsole.backup.job.duration").description("Duration of ended backup jobs")
                .tags(Tags.of("cluster", job.cluster(), "tenant", job.tenant(), "status", job.status().name()))
                .register(registry).record(Duration.between(start, end));
        if (job.status() == JobStatus.COMPLETED) {
            lastSuccess(job.cluster(), job.tenant()).moveTo(end);
        }
    }

    /** The cluster's clock, so ages are measured in the same time as the job ends. */
    void clusterNow(String cluster, LocalDateTime now) {
        lastSuccess.values().stream().filter(s -> s.cluster.equals(cluster)).forEach(s -> s.now = now);
    }

    private LastSuccess lastSuccess(String cluster, String tenant) {
        return lastSuccess.computeIfAbsent(cluster + "/" + tenant, k -> {
            LastSuccess success = new LastSuccess(cluster);
            Gauge.builder("obconsole.backup.last.success.age", success, LastSuccess::ageSeconds)
                    .tags("cluster", cluster, "tenant", tenant).baseUnit("seconds")
                    .description("Seconds since the tenant's last COMPLETED backup job (among those seen)")
                    .register(registry);
            return success;
        });
    }

    /** A tenant's newest successful end and the cluster's latest clock. */
    private static final class LastSuccess {
        final String cluster;
        volatile LocalDateTime end;
        volatile LocalDateTime now;

        LastSuccess(String cluster) {
            this.cluster = cluster;
        }

        synchronized void moveTo(LocalDateTime candidate) {
            if (end == null || candidate.isAfter(end)) {
                end = candidate;
            }
            if (now == null || now.isBefore(candidate)) {
                now = candidate;
            }
        }

        double ageSeconds() {
            LocalDateTime e = end;
            LocalDateTime n = now;
            return e == null || n == null ? Double.NaN : Math.max(0, Duration.between(e, n).toMillis() / 1000.0);
        }
    }
}
