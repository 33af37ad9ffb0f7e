package io.obconsole.alert;

import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.TenantState;
import io.obconsole.drill.DrillStandings;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.policy.PolicyChanged;
import io.obconsole.window.RestoreWindow;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The objective round: takes the tenants' state as the poller last read it ({@link TenantStates}) and what drills
 * proved ({@link DrillStandings}), evaluates every tenant's objectives onto the {@link ObjectiveBoard}, keeps the archive history for the timeline,
 * and hands conditions (objectives, reachability, the stalls the fleet shows) to {@link Alarms}. One round at a time.
 */
@ApplicationScoped
public class ObjectiveWatch {

    private static final Logger LOG = Logger.getLogger(ObjectiveWatch.class);

    /** The scheduled round's identity (a test can pause it and run rounds itself). */
    public static final String ROUND = "objective-round";

    private final TenantStates states;
    private final ObjectiveSettings settings;
    private final ObjectiveBoard board;
    private final ArchiveHistory archives;
    private final Alarms alarms;
    private final ObjectiveMetrics metrics;
    private final ObjectiveEvaluator evaluator;
    private final DrillStandings drills;
    private final RoundRequests requests = new RoundRequests(this::round);
    private String lastProblem;

    public ObjectiveWatch(TenantStates states, ObjectiveSettings settings, ObjectiveBoard board, ArchiveHistory archives,
            Alarms alarms, ObjectiveMetrics metrics, ObjectivesConfig config, DrillStandings drills) {
        this.drills = drills;
        this.states = states;
        this.settings = settings;
        this.board = board;
        this.archives = archives;
        this.alarms = alarms;
        this.metrics = metrics;
        this.evaluator = new ObjectiveEvaluator(config.warningFraction());
    }

    @Scheduled(identity = ROUND, every = "${console.objectives.interval}", delayed = "3S", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        round();
    }

    /** A policy's objective may have changed: pages and the API show its effect at once. */
    void policyChanged(@Observes PolicyChanged changed) {
        round();
    }

    /**
     * A cluster round changed what recovery points follow from (a backup ended and its set has been
     * read, a set or the archive's state changed, the cluster stopped or started answering): the
     * recovery points and objectives on the pages (and the alerts) follow it now, not up to a
     * scheduled interval later. Every cluster's first poll ends jobs at once: the rounds they ask for
     * coalesce (one runs, one more covers all that came meanwhile) instead of each worker thread
     * waiting its turn to evaluate the whole fleet again.
     */
    void clusterRound(@ObservesAsync ClusterRound round) {
        if (round.changesRecoverability()) {
            requests.request();
        }
    }

    /** Runs one round now (the page of a fresh tenant objective, tests); rounds never overlap. */
    public synchronized void round() {
        metrics.roundRun();
        try {
            settings.reload();
            DrillStandings.Lookup proven = drills.read();
            List<TenantObjective> evaluated = new ArrayList<>();
            for (TenantStates.ClusterReading reading : states.clusters()) {
                alarms.cluster(reading);
                if (reading.reachable()) {
                    evaluated.addAll(evaluate(reading.snapshot(), proven));
                } else {
                    // an unreachable cluster keeps its tenants' last evaluation on the board
                    board.all().stream().filter(o -> o.cluster().equals(reading.cluster())).forEach(evaluated::add);
                }
            }
            board.replace(evaluated);
            metrics.update();
            for (TenantStates.ClusterReading reading : states.clusters()) {
                if (reading.reachable()) {
                    archives.observe(reading.snapshot());
                }
            }
            evaluated.forEach(alarms::objective);
            alarms.stillStalled(states.jobs());
            alarms.settleHeld();
            lastProblem = null;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                LOG.warnf("Objective round incomplete: %s", e.getMessage());
                lastProblem = String.valueOf(e.getMessage());
            }
        }
    }

    private List<TenantObjective> evaluate(ClusterSnapshot snapshot, DrillStandings.Lookup proven) {
        List<TenantObjective> evaluated = new ArrayList<>();
        Instant now = Instant.now();
        for (TenantState tenant : snapshot.tenants()) {
            evaluated.add(evaluator.evaluate(snapshot.cluster(), tenant, snapshot.clusterNow(),
                    settings.of(snapshot.cluster(), tenant.name()),
                    // the fleet computes a window with every state it reads, so none is missing here; were one
                    // missing, nothing would be known to be restorable
                    states.window(snapshot.cluster(), tenant.name()).orElseGet(() -> RestoreWindow.of(List.of(), List.of())),
                    proven.of(snapshot.cluster(), tenant.name()), now));
        }
        return evaluated;
    }
}
