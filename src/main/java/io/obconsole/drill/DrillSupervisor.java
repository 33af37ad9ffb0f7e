package io.obconsole.drill;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Drives every drill run that is not over, on whichever console instance holds its lease: each
 * round renews the leases of this instance's runs (the heartbeat) and takes over runs whose holder
 * stopped renewing (killed mid-drill) or that this instance held before a restart, so that a
 * drill is always finished or cleaned up, and never by two instances at once.
 */
@ApplicationScoped
public class DrillSupervisor {

    private static final Logger LOG = Logger.getLogger(DrillSupervisor.class);
    private static final int STEPS_PER_ROUND = 4;

    private final DrillRuns runs;
    private final DrillRunner runner;
    private final DrillConfig config;
    private final DrillMetrics metrics;
    private final Event<DrillEnded> endings;
    private final String instance;
    private final Clock clock = Clock.systemUTC();

    DrillSupervisor(DrillRuns runs, DrillRunner runner, DrillConfig config, DrillMetrics metrics, Event<DrillEnded> endings) {
        this.runs = runs;
        this.runner = runner;
        this.config = config;
        this.metrics = metrics;
        this.endings = endings;
        this.instance = config.instanceName().orElseGet(DrillSupervisor::hostName);
    }

    /** This instance's name in the runs it holds. */
    public String instance() {
        return instance;
    }

    /** On start, the runs left mid-way by this instance before it stopped (or by a dead one) are taken up. */
    void onStart(@Observes StartupEvent start) {
        long left = runs.unended().stream().filter(r -> r.state.holdsCluster()).count();
        if (left > 0) {
            LOG.infof("%d restore drill run(s) were left mid-way; instance %s takes up its own and any whose lease ran out",
                    left, instance);
        }
    }

    @Scheduled(identity = "drill-round", every = "${console.drills.interval}", delayed = "5S",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        round();
    }

    /**
     * One round now: every run not over that this instance holds or may take is moved on as far as
     * it can go. Returns the ids of the runs this instance drove. Rounds never overlap.
     */
    public synchronized List<Long> round() {
        List<Long> driven = new ArrayList<>();
        for (DrillRun candidate : runs.unended()) {
            Instant now = clock.instant();
            if (!runs.take(candidate.id, instance, now, now.plus(config.lease()))) {
                continue;
            }
            driven.add(candidate.id);
            try {
                DrillRun run = runs.run(candidate.id).orElseThrow();
                metrics.started(run);
                for (int step = 0; step < STEPS_PER_ROUND && !run.state.ended(); step++) {
                    DrillState before = run.state;
                    run = runner.step(run);
                    if (run.state.ended()) {
                        // only the lease holder steps a run, so the step that ends it is taken (and told) once
                        endings.fire(DrillEnded.of(run));
                    }
                    if (run.state == before) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Drill run %d could not be moved on; the next round tries again", candidate.id);
            }
        }
        return driven;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "console";
        }
    }
}
