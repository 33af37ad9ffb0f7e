package io.obconsole.alert;

import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.ChainReport;
import io.obconsole.drill.DrillEnded;
import io.obconsole.drill.DrillState;
import io.obconsole.failure.FailureExplanations;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.fleet.ClusterRound.JobChange;
import io.obconsole.fleet.ClusterRound.JobEvent;
import io.obconsole.fleet.ClusterRound.Seen;
import io.obconsole.fleet.ClusterTime;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.JobEnd;
import io.obconsole.fleet.JobStatus;
import io.obconsole.fleet.Progress;
import io.obconsole.policy.PolicyRunOutcome;
import io.obconsole.policy.PolicyRunRecorded;
import io.obconsole.progress.JobEndFeed;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Turns what the console observes into events: one-off facts (a failed job, a policy run) by their
 * natural key, lasting conditions (objective, cluster reachability, a stalled job, the audit chain)
 * through {@link AlertStore#condition}, which groups repeats and sends a recovery once. What a job
 * did comes from the {@link ClusterRound}s of the poller and the catch-up, which detect each change
 * once; this class only words it.
 */
@ApplicationScoped
public class Alarms {

    private static final Logger LOG = Logger.getLogger(Alarms.class);

    private final AlertStore store;
    private final AlertConfig config;
    private final FailureExplanations explanations;
    /** Who started a job, for a failure the first read finds (null where no trail is deployed, as in unit tests). */
    @Inject
    Instance<AuditTrail> audit;
    private final Clock clock = Clock.systemUTC();
    /** Job changes are stored here, one round after another in order, never on the poller's thread. */
    private final ExecutorService jobChanges = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "alarms-job-changes");
        thread.setDaemon(true);
        return thread;
    });

    public Alarms(AlertStore store, AlertConfig config, FailureExplanations explanations) {
        this.store = store;
        this.config = config;
        this.explanations = explanations;
    }

    @PreDestroy
    void stop() {
        jobChanges.shutdownNow();
    }

    void objective(TenantObjective o) {
        String where = o.cluster() + "/" + o.tenant();
        ObjectiveKind rp = ObjectiveKind.RECOVERY_POINT;
        // a breach is never held back by an earlier recovery: only a warning that comes back is grouped
        store.condition("objective:" + where, o.state(rp), AlertStore.Grouping.WARNINGS_ONLY, change -> {
            AlertKind kind = change.level() == ObjectiveState.OK ? AlertKind.OBJECTIVE_RECOVERED
                    : change.level() == ObjectiveState.BREACHED ? AlertKind.OBJECTIVE_BREACHED : AlertKind.OBJECTIVE_AT_RISK;
            String summary = kind == AlertKind.OBJECTIVE_RECOVERED
                    ? "Tenant " + where + " meets its recovery-point objective again; recovery point " + point(o)
                    : "Tenant " + where + " is " + o.state(rp).name().replace('_', ' ') + ": "
                            + String.join("; ", o.reasons(rp)) + ". Recovery point " + point(o) + ", "
                            + o.distanceWords() + ".";
            return AlertEvent.of(key("objective", where, kind.name()), kind, o.cluster(), o.tenant(), summary,
                    String.join("\n", o.checks().stream().filter(c -> c.figure().objective() == rp)
                            .map(ObjectiveCheck::reason).toList()),
                    kind == AlertKind.OBJECTIVE_RECOVERED ? null : o.since(rp));
        });
        drillObjective(o, ObjectiveKind.RESTORE_TIME, AlertKind.RESTORE_TIME_BREACHED, AlertKind.RESTORE_TIME_MET);
        drillObjective(o, ObjectiveKind.PROVEN_WITHIN, AlertKind.PROVEN_WITHIN_BREACHED, AlertKind.PROVEN_WITHIN_MET);
    }

    /**
     * A drill objective's breach is a condition of its own, notified once and grouped like the
     * recovery point's; being at risk is not worth a message (a drill's outcome, not the clock, moves it).
     */
    private void drillObjective(TenantObjective o, ObjectiveKind objective, AlertKind breached, AlertKind met) {
        String where = o.cluster() + "/" + o.tenant();
        ObjectiveState level = o.state(objective) == ObjectiveState.BREACHED ? ObjectiveState.BREACHED : ObjectiveState.OK;
        store.condition(objective.label() + ":" + where, level, AlertStore.Grouping.WARNINGS_ONLY, change -> {
            boolean recovered = change.level() == ObjectiveState.OK;
            String summary = recovered ? "Tenant " + where + " meets its " + objective.words() + " again"
                    + (o.measured(objective) ? ": " + o.checks().stream().filter(c -> c.figure().objective() == objective)
                            .map(ObjectiveCheck::reason).findFirst().orElse("") : "")
                    : "Tenant " + where + " breaches its " + objective.words() + ": " + String.join("; ", o.reasons(objective))
                            + ".";
            AlertKind kind = recovered ? met : breached;
            return AlertEvent.of(key(objective.label(), where, kind.name()), kind, o.cluster(), o.tenant(), summary, null,
                    recovered ? null : o.since(objective));
        });
    }

    /** A drill ended FAILED: one message per run (its key), from the instance whose step ended it. */
    void drillEnded(@Observes DrillEnded ended) {
        if (ended.state() != DrillState.FAILED) {
            return;
        }
        try {
            String where = ended.cluster() + "/" + ended.tenant();
            store.raise(AlertEvent.of(key("drill-failed", String.valueOf(ended.runId())), AlertKind.DRILL_FAILED,
                    ended.cluster(), ended.tenant(), "Restore drill " + ended.runId() + " of " + where + " (drill policy "
                            + ended.policyId() + ", on cluster " + ended.drillCluster() + ") FAILED: " + ended.failure(),
                    ended.failure(), ended.endedAt() == null ? null : ClusterTime.ofInstant(ended.endedAt())));
        } catch (RuntimeException e) {
            LOG.warnf("Failed drill %d not stored as an alert: %s", ended.runId(), e.getMessage());
        }
    }

    private static String point(TenantObjective o) {
        return o.recoveryPoint() == null ? o.noRecoveryPointWords()
                : ClusterTime.utcText(o.recoveryPoint()) + " (" + (o.source() == RecoveryPointSource.ARCHIVE ? "archive checkpoint"
                        : "end of the last good backup set") + ", " + Durations.words(o.recoveryPointAge()) + " ago)";
    }

    /** Held events of conditions that cleared and are no longer evaluated are settled once their window has passed. */
    void settleHeld() {
        store.settleCleared();
    }

    void cluster(TenantStates.ClusterReading reading) {
        boolean down = !reading.reachable()
                && Duration.between(reading.unreachableSince(), clock.instant()).compareTo(config.unreachableAfter()) >= 0;
        if (reading.reachable() || down) {
            store.condition("cluster:" + reading.cluster(), down ? ObjectiveState.BREACHED : ObjectiveState.OK, change -> {
                if (change.level() == ObjectiveState.OK) {
                    return AlertEvent.of(key("cluster", reading.cluster(), "reachable"), AlertKind.CLUSTER_REACHABLE,
                            reading.cluster(), null, "Cluster " + reading.cluster() + " answers the console again", null, null);
                }
                LocalDateTime since = ClusterTime.ofInstant(reading.unreachableSince());
                return AlertEvent.of(key("cluster", reading.cluster(), "unreachable"), AlertKind.CLUSTER_UNREACHABLE,
                        reading.cluster(), null, "Cluster " + reading.cluster() + " has not answered the console for "
                                + Durations.words(Duration.between(reading.unreachableSince(), clock.instant())) + ": "
                                + reading.unreachableReason(), reading.unreachableReason(), since);
            });
        }
    }

    /** A cluster round (or a catch-up) found jobs that ended, stalled or move again: worded off the poller's thread. */
    void round(@Observes ClusterRound round) {
        if (round.jobs().stream().anyMatch(change -> change.event() != JobEvent.STARTED)) {
            jobChanges.execute(() -> jobs(round));
        }
    }

    /** What the round's job changes are worth: a failure, a stall, or the end of a stall. */
    void jobs(ClusterRound round) {
        for (JobChange change : round.jobs()) {
            try {
                switch (change.event()) {
                    case STALLED -> stalled(change.job());
                    case MOVING_AGAIN -> stallOver(change.job(), change.job(), false);
                    case UNLISTED -> {
                        if (change.wasStalled()) {
                            stallOver(change.before(), null, true);
                        }
                    }
                    case ENDED -> {
                        if (change.wasStalled()) {
                            stallOver(change.before(), change.job(), false);
                        }
                        if (change.job().status() == JobStatus.FAILED && endedInSight(change)) {
                            failed(change.job());
                        }
                    }
                    case STARTED -> { }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Alert for job %s not stored: %s", change.job().key(), e.getMessage());
            }
        }
    }

    /**
     * Whether a failure is news: one a round saw happen, or one that ended while no console watched
     * (the catch-up's, or one the first read finds of a job this console started). The first read
     * of a cluster also lists its old history and jobs others started long ago: those raise nothing.
     */
    private boolean endedInSight(JobChange change) {
        if (change.seen() != Seen.FIRST_READ) {
            return true;
        }
        return audit != null && audit.isResolvable() && audit.get().startOf(JobEndFeed.ref(change.job())).isPresent();
    }

    /**
     * The objective round re-asserts the stalls the fleet shows: a stall that came back within the
     * group window is held, and the store releases it at the first evaluation after the window.
     */
    void stillStalled(List<FleetJob> jobs) {
        jobs.stream().filter(job -> job.running() && job.progress().stalled()).forEach(this::stalled);
    }

    /**
     * The stall is over: the job moves again, or ended ({@code now} the ended job), or the cluster
     * no longer lists it ({@code gone}).
     */
    private void stallOver(FleetJob was, FleetJob now, boolean gone) {
        store.condition("stalled:" + was.key(), ObjectiveState.OK, change -> resumed(was, now, gone));
    }

    private static AlertEvent resumed(FleetJob was, FleetJob now, boolean gone) {
        String summary = gone ? describe(was) + " is no longer stalled: the cluster no longer lists it"
                : now.running() ? describe(now) + " moves again (" + position(now) + ")"
                        : describe(now) + " is no longer stalled: it ended " + endWords(now);
        return AlertEvent.of(key("resumed", was.key() + "/" + was.job().start()), AlertKind.JOB_RESUMED, was.cluster(),
                was.tenant(), summary, null, null);
    }

    /** How an ended job reads on the pages (Completed, Failed, Cancelled); OceanBase's status if it is none of them. */
    private static String endWords(FleetJob job) {
        JobEnd end = JobEnd.of(job.status().name(), job.job().result(), job.job().comment());
        return end == null ? job.status().name() : end.words();
    }

    private static String describe(FleetJob job) {
        return job.job().backupType() + " backup job " + job.job().jobId() + " of " + job.cluster() + "/" + job.tenant();
    }

    private static String position(FleetJob job) {
        Double percent = job.progress().percent();
        return "phase " + job.phase() + ", " + (percent == null ? "no progress yet" : Progress.words(percent));
    }

    private void failed(FleetJob job) {
        LocalDateTime started = job.job().start();
        LocalDateTime ended = job.job().end();
        // the cluster's clock is not ours: compare the end with the job's own start
        if (ended == null || started != null && Duration.between(started, ended).isNegative()) {
            return;
        }
        long result = job.job().result();
        Integer code = result == 0 ? null : (int) result;
        String comment = job.job().comment();
        String summary = describe(job) + " FAILED" + (code == null ? "" : " with OceanBase " + code)
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        store.raise(AlertEvent.of(key("job-failed", job.key() + "/" + started), AlertKind.JOB_FAILED, job.cluster(),
                job.tenant(), summary, code == null ? null : explanations.of(code), started)
                .withOceanBase(code, comment == null || comment.isBlank() ? null : comment));
    }

    private void stalled(FleetJob job) {
        store.condition("stalled:" + job.key(), ObjectiveState.BREACHED, change -> change.level() == ObjectiveState.OK ? null
                : AlertEvent.of(key("stalled", job.key() + "/" + job.job().start()), AlertKind.JOB_STALLED, job.cluster(),
                        job.tenant(), describe(job) + " has not moved for a while (" + position(job) + ")",
                        null, job.job().start()));
    }

    /** The policy scheduler recorded a run: SKIPPED, MISSED and FAILED_TO_START are worth a message. */
    void policyRun(@Observes PolicyRunRecorded run) {
        AlertKind kind = switch (run.outcome()) {
            case SKIPPED -> AlertKind.POLICY_RUN_SKIPPED;
            case MISSED -> AlertKind.POLICY_RUN_MISSED;
            case FAILED_TO_START -> AlertKind.POLICY_RUN_FAILED_TO_START;
            case STARTED -> null;
        };
        if (kind == null) {
            return;
        }
        try {
            LocalDateTime slot = run.slot() == null ? null : ClusterTime.ofInstant(run.slot());
            // a policy over every tenant of the cluster ("*") concerns the whole cluster
            String tenant = "*".equals(run.tenant()) ? null : run.tenant();
            store.raise(AlertEvent.of(key("policy", String.valueOf(run.policyId()), String.valueOf(run.slot()),
                    run.outcome().name()), kind, run.cluster(), tenant, "Policy " + run.policyId() + " (owner "
                            + run.actorOwner() + "): the run for " + (run.slot() == null ? "–" : ClusterTime.utcText(run.slot())) + " was " + outcome(run.outcome())
                            + (run.reason() == null ? "" : ": " + run.reason()), run.reason(), slot));
        } catch (RuntimeException e) {
            LOG.warnf("Policy run event of policy %d not stored: %s", run.policyId(), e.getMessage());
        }
    }

    private static String outcome(PolicyRunOutcome outcome) {
        return switch (outcome) {
            case SKIPPED -> "skipped";
            case MISSED -> "missed";
            case FAILED_TO_START -> "not started";
            case STARTED -> "started";
        };
    }

    /** The audit chain check's verdict: a broken chain is a condition until the check passes again (notified once). */
    void chain(ChainReport report) {
        store.condition("audit-chain", report.intact() ? ObjectiveState.OK : ObjectiveState.BREACHED,
                change -> change.level() == ObjectiveState.OK
                        ? AlertEvent.of(key("audit-chain", "intact", String.valueOf(clock.millis())),
                                AlertKind.AUDIT_CHAIN_INTACT, null, null, "The audit chain check passes again ("
                                        + report.checked() + " records checked)", null, null)
                        : AlertEvent.of(key("audit-chain", String.valueOf(report.brokenAt()), String.valueOf(clock.millis())),
                                AlertKind.AUDIT_CHAIN_BROKEN, null, null, "The audit chain check failed at record "
                                        + report.brokenAt() + ": " + report.problem(), report.problem(), null));
    }

    private static String key(String... parts) {
        return AlertStore.cut(String.join(":", parts), 191);
    }

    Instant now() {
        return clock.instant();
    }
}
