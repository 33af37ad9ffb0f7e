package io.obconsole.alert;

import io.obconsole.audit.ChainReport;
import io.obconsole.drill.DrillEnded;
import io.obconsole.drill.DrillState;
import io.obconsole.fleet.ClusterTime;
import io.obconsole.fleet.JobEnd;
import io.obconsole.fleet.Progress;
import io.obconsole.policy.PolicyRunOutcome;
import io.obconsole.policy.PolicyRunRecorded;
import io.obconsole.progress.JobProgress;
import io.obconsole.failure.FailureExplanations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns what the console observes into events: one-off facts (a failed job, a policy run) by their
 * natural key, lasting conditions (objective, cluster reachability, a stalled job, the audit chain)
 * through {@link AlertStore#condition}, which groups repeats and sends a recovery once.
 */
@ApplicationScoped
public class Alarms {

    private static final Logger LOG = Logger.getLogger(Alarms.class);

    private final AlertStore store;
    private final AlertConfig config;
    private final FailureExplanations explanations;
    private final Clock clock = Clock.systemUTC();
    /** Stalled jobs this instance has raised, so that a job moving again (or ending) clears its condition. */
    private final Map<String, JobProgress> stalled = new HashMap<>();

    public Alarms(AlertStore store, AlertConfig config, FailureExplanations explanations) {
        this.store = store;
        this.config = config;
        this.explanations = explanations;
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

    void jobs(List<JobProgress> jobs) {
        Set<String> stillStalled = new HashSet<>();
        for (JobProgress job : jobs) {
            if ("FAILED".equals(job.status())) {
                failed(job);
            }
            if (job.stalled()) {
                stillStalled.add(job.key());
                stalled(job);
            }
        }
        for (JobProgress was : List.copyOf(stalled.values())) {
            if (!stillStalled.contains(was.key())) {
                JobProgress now = jobs.stream().filter(j -> j.key().equals(was.key())).findFirst().orElse(null);
                store.condition("stalled:" + was.key(), ObjectiveState.OK, change -> resumed(was, now));
                stalled.remove(was.key());
            }
        }
    }

    /** The stall is over: the job moves again, or ended ({@code now} null: the cluster no longer lists it). */
    private static AlertEvent resumed(JobProgress was, JobProgress now) {
        String summary = now == null ? describe(was) + " is no longer stalled: the cluster no longer lists it"
                : now.endedAt() == null ? describe(now) + " moves again (" + position(now) + ")"
                        : describe(now) + " is no longer stalled: it ended " + endWords(now);
        return AlertEvent.of(key("resumed", was.key() + "/" + was.startedAt()), AlertKind.JOB_RESUMED, was.cluster(),
                was.tenant(), summary, null, null);
    }

    /** How an ended job reads on the pages (Completed, Failed, Cancelled); OceanBase's status if it is none of them. */
    private static String endWords(JobProgress job) {
        JobEnd end = JobEnd.of(job.status(), job.result() == null ? 0 : job.result(), job.comment());
        return end == null ? job.status() : end.words();
    }

    private static String describe(JobProgress job) {
        return job.type() + " backup job " + job.jobId() + " of " + job.cluster() + "/" + job.tenant();
    }

    private static String position(JobProgress job) {
        return "phase " + job.phase() + ", " + (job.percent() == null ? "no progress yet" : Progress.words(job.percent()));
    }

    private void failed(JobProgress job) {
        if (job.endedAt() == null) {
            return;
        }
        LocalDateTime ended = LocalDateTime.parse(job.endedAt());
        LocalDateTime started = job.startedAt() == null ? null : LocalDateTime.parse(job.startedAt());
        // the cluster's clock is not ours: compare the end with the job's own start
        if (started != null && Duration.between(started, ended).isNegative()) {
            return;
        }
        String jobKey = job.key() + "/" + job.startedAt();
        Integer code = job.result() == null || job.result() == 0 ? null : job.result().intValue();
        String summary = job.type() + " backup job " + job.jobId() + " of " + job.cluster() + "/" + job.tenant()
                + " FAILED" + (code == null ? "" : " with OceanBase " + code) + (job.comment() == null || job.comment().isBlank()
                        ? "" : ": " + job.comment());
        AlertEvent event = AlertEvent.of(key("job-failed", jobKey), AlertKind.JOB_FAILED, job.cluster(), job.tenant(), summary,
                code == null ? null : explanations.of(code), started).withOceanBase(code, job.comment());
        if (isRecent(ended)) {
            store.raise(event);
        }
    }

    /** A failure older than the lookback (e.g. history read at the first start) raises nothing. */
    private boolean isRecent(LocalDateTime ended) {
        return latestClusterTime == null || !ended.isBefore(latestClusterTime.minus(config.jobFailedLookback()));
    }

    private volatile LocalDateTime latestClusterTime;

    /** The newest cluster time seen (jobs carry cluster time; the lookback is measured in it). */
    void clusterTime(LocalDateTime now) {
        if (now != null && (latestClusterTime == null || now.isAfter(latestClusterTime))) {
            latestClusterTime = now;
        }
    }

    private void stalled(JobProgress job) {
        store.condition("stalled:" + job.key(), ObjectiveState.BREACHED, change -> change.level() == ObjectiveState.OK ? null
                : AlertEvent.of(key("stalled", job.key() + "/" + job.startedAt()), AlertKind.JOB_STALLED, job.cluster(),
                        job.tenant(), describe(job) + " has not moved for a while (" + position(job) + ")",
                        null, job.startedAt() == null ? null : LocalDateTime.parse(job.startedAt())));
        stalled.put(job.key(), job);
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
