package io.obconsole.backup;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.Refusals;
import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.InvalidIdentifierException;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.ObErrorException;
import io.obconsole.cluster.ObStatement;
import io.obconsole.cluster.TenantName;
import io.obconsole.cluster.TenantState;
import io.obconsole.cluster.UnknownClusterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Starts and cancels backups the safe way: authorized, validated against the cluster's tenant
 * list, preflighted again, recorded in the audit trail before any statement runs, at most once
 * per submit, and with the resulting job ids read back from the cluster.
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);
    /** How much earlier than the cluster's "now" before the BACKUP a new job may say it started. */
    private static final long START_SKEW_SECONDS = 2;
    private static final AuditAction CANCEL = AuditAction.CANCEL;

    private final ClusterGateway gateway;
    private final AuditTrail audit;
    private final Permissions permissions;
    private final Preflight preflight;
    private final Consumer<BackupsChanged> changes;
    private final Refusals refusals;
    private final Admission admission;
    private final BackupPlanner planner;
    private final ActionRecords records;
    private final ReplayCache replays = new ReplayCache();
    private final Map<String, ReentrantLock> clusterLocks = new ConcurrentHashMap<>();

    @Inject
    public BackupService(ClusterGateway gateway, AuditTrail audit, Permissions permissions, Preflight preflight,
            Event<BackupsChanged> changes, Refusals refusals) {
        this(gateway, audit, permissions, preflight, changes::fire, refusals);
    }

    /** {@code changes} hears of every BACKUP or CANCEL the cluster accepted. */
    public BackupService(ClusterGateway gateway, AuditTrail audit, Permissions permissions, Preflight preflight,
            Consumer<BackupsChanged> changes) {
        this(gateway, audit, permissions, preflight, changes, new Refusals(() -> audit, 20, System::nanoTime));
    }

    private BackupService(ClusterGateway gateway, AuditTrail audit, Permissions permissions, Preflight preflight,
            Consumer<BackupsChanged> changes, Refusals refusals) {
        this.gateway = gateway;
        this.audit = audit;
        this.permissions = permissions;
        this.preflight = preflight;
        this.changes = changes;
        this.refusals = refusals;
        this.admission = new Admission(refusals);
        this.planner = new BackupPlanner(preflight);
        this.records = new ActionRecords(audit);
    }

    /**
     * Checks an action's request on its own and the person's right to it, before anything is
     * recorded or read: a refusal is recorded as such (rate-limited per person), never as an
     * intent without an outcome.
     */
    private void admitAction(Operator who, AuditAction action, String cluster, BackupScope scope, Runnable validate,
            boolean operate) {
        admission.admit(who, action, cluster, scope == null ? List.of() : scope.audited(), () -> {
            validate.run();
            gateway.settings(cluster);
        }, () -> admit(who, cluster, scope, operate));
    }

    /**
     * What every entry checks before it reads the cluster: the cluster is configured, the person
     * may view (or operate) the scope, and the tenants named are names at all.
     */
    private void admit(Operator who, String cluster, BackupScope scope, boolean operate) {
        gateway.settings(cluster);
        if (operate) {
            requireOperate(who, cluster, scope);
        } else {
            requireView(who, cluster, scope);
        }
        scope.tenants().forEach(ObDialect::checkTenantName);
    }

    /**
     * Parses a person's request to {@code action} (a form or a JSON body into a request): what
     * cannot be parsed is refused and recorded as such, like every later refusal, before anything
     * else happens.
     */
    public <T> T parsed(Operator who, AuditAction action, String cluster, Supplier<T> parse) {
        return admission.parsed(who, action, cluster, parse);
    }

    /** The preflight an operator sees before confirming; sends nothing but reads. */
    public PreflightReport preflight(Operator who, BackupRequest request) {
        admitAction(who, AuditAction.PREFLIGHT, request.cluster(), request.scope(), request::validate, false);
        ClusterSnapshot snapshot = gateway.snapshot(request.cluster());
        ObDialect dialect = gateway.dialect(request.cluster());
        List<TenantName> tenants = BackupPlanner.resolve(dialect, snapshot, request.scope());
        try {
            requireViewEvery(who, request.cluster(), tenants);
        } catch (ActionForbiddenException e) {
            refusals.forbidden(who, AuditAction.PREFLIGHT, request.cluster(), request.scope().audited(), e.getMessage());
            throw e;
        }
        return preflight.check(snapshot, dialect, tenants, request.scope().all(), request.type(),
                request.acknowledgeFullInsteadOfIncremental());
    }

    /**
     * The statements {@link #start} would send for this request if the cluster stays as it is
     * now, in order, for the operator to confirm; reads only. Refused as {@link #start} refuses.
     */
    public BackupPlan plan(Operator who, BackupRequest request) {
        admitAction(who, action(request), request.cluster(), request.scope(), request::validate, true);
        ClusterSnapshot snapshot = gateway.snapshot(request.cluster());
        ObDialect dialect = gateway.dialect(request.cluster());
        BackupPlan plan = planner.plan(request, snapshot, dialect,
                BackupPlanner.resolve(dialect, snapshot, request.scope()));
        if (!plan.report().passed()) {
            throw BackupPlanner.refusal(plan.report());
        }
        return plan;
    }

    /** Starts a backup; see the class comment for the order of things. */
    public BackupResult start(Operator who, BackupRequest request) {
        try {
            admitAction(who, action(request), request.cluster(), request.scope(), request::validate, true);
            Optional<BackupResult> earlier = replays.earlier(who, request.idempotencyKey(), BackupResult.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            long intent = records.intent(new ActionIntent(who, AuditAction.backup(request.type()), request.cluster(),
                    request.scope().audited(), withConcurrencyBefore(request), ReplayCache.keyOf(request.idempotencyKey())));
            BackupResult result = withClusterLock(request.cluster(), () -> startRecorded(who, request, intent));
            replays.remember(who, request.idempotencyKey(), result);
            return result;
        } finally {
            request.clearSecrets();
        }
    }

    /**
     * The audited options, and where the concurrency changes, what it was before (read now; a
     * cluster that does not answer leaves it "unknown" and the start then fails as usual).
     */
    private Map<String, String> withConcurrencyBefore(BackupRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>(request.auditedParameters());
        if (request.concurrency() != null) {
            String before;
            try {
                before = gateway.snapshot(request.cluster()).tenants().stream()
                        .filter(t -> request.scope().all() || request.scope().tenants().contains(t.name()))
                        .map(t -> t.name() + " " + (t.threadScore() == null ? "unknown" : t.threadScore()))
                        .collect(Collectors.joining(", "));
            } catch (RuntimeException e) {
                before = "unknown";
            }
            parameters.put("concurrencyBefore", before);
        }
        return parameters;
    }

    private BackupResult startRecorded(Operator who, BackupRequest request, long intent) {
        String cluster = request.cluster();
        List<ObStatement> statements = List.of();
        try {
            ClusterSnapshot snapshot = gateway.snapshot(cluster);
            ObDialect dialect = gateway.dialect(cluster);
            List<TenantName> tenants = resolveRecorded(intent, dialect, snapshot, request.scope());
            BackupPlan planned = planner.plan(request, snapshot, dialect, tenants);
            PreflightReport report = planned.report();
            if (!report.passed()) {
                records.outcome(intent, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, null, List.of());
                throw BackupPlanner.refusal(report);
            }
            statements = planned.statements();
            LocalDateTime before = gateway.now(cluster);
            LOG.infof("%s starts on cluster %s: %s", who.username(), cluster, planned.redacted());
            gateway.run(cluster, statements);
            changes.accept(new BackupsChanged(cluster));
            List<StartedJob> jobs = readBack(cluster, snapshot, planned.covered(), before);
            records.outcome(intent, AuditOutcome.ACCEPTED, planned.redacted(), null, null,
                    ActionRecords.refs(cluster, jobs));
            return new BackupResult(intent, cluster, request.type(), jobs, planned.redacted(), report.skipped(),
                    planned.previousConcurrency(), BackupPlanner.warnings(report));
        } catch (ObErrorException e) {
            List<String> sent = ActionRecords.redacted(ActionRecords.sentUpTo(statements, e.statement()));
            records.outcome(intent, AuditOutcome.REJECTED_BY_OCEANBASE, sent, e.error().code(), e.error().text(), List.of());
            if (e.error().code() == 9036) {
                throw new AlreadyRunningException(alreadyRunning(cluster, request.scope()), e.error());
            }
            throw new OceanBaseRejectedException(e.error());
        } catch (ClusterUnreachableException e) {
            records.outcome(intent, AuditOutcome.CLUSTER_UNREACHABLE, ActionRecords.redacted(statements), null,
                    e.reason(), List.of());
            throw new ActionInterruptedException(cluster, e.reason(), !statements.isEmpty());
        }
    }

    /** Cancels the running backups of the tenants (or of all); succeeds also when nothing runs. */
    public CancelResult cancel(Operator who, CancelRequest request) {
        String cluster = request.cluster();
        admitAction(who, CANCEL, cluster, request.scope(), request::validate, true);
        Optional<CancelResult> earlier = replays.earlier(who, request.idempotencyKey(), CancelResult.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long intent = records.intent(new ActionIntent(who, CANCEL, cluster, request.scope().audited(),
                request.jobId() == null ? Map.of() : Map.of("jobId", request.jobId().toString()),
                ReplayCache.keyOf(request.idempotencyKey())));
        List<ObStatement> plan = List.of();
        try {
            ClusterSnapshot snapshot = gateway.snapshot(cluster);
            ObDialect dialect = gateway.dialect(cluster);
            List<TenantName> tenants = resolveRecorded(intent, dialect, snapshot, request.scope());
            Set<String> names = tenants.stream().map(TenantName::value).collect(Collectors.toSet());
            List<StartedJob> canceling = snapshot.tenants().stream().filter(t -> names.contains(t.name()))
                    .flatMap(t -> t.running().stream()).map(BackupService::started).toList();
            if (request.jobId() != null && canceling.stream().noneMatch(j -> j.jobId() == request.jobId())) {
                // the person confirmed cancelling that job: another job of the tenant is not theirs to stop
                String reason = "Job " + request.jobId() + " of " + String.join(", ", names) + " is not running any more;"
                        + " nothing was cancelled.";
                records.outcome(intent, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, reason, List.of());
                throw new JobNotRunningException(reason);
            }
            plan = List.of(dialect.cancel(request.scope().all() ? List.of() : tenants));
            LOG.infof("%s cancels on cluster %s: %s", who.username(), cluster, ActionRecords.redacted(plan));
            gateway.run(cluster, plan);
            changes.accept(new BackupsChanged(cluster));
            records.outcome(intent, AuditOutcome.ACCEPTED, ActionRecords.redacted(plan), null, null,
                    ActionRecords.refs(cluster, canceling));
            CancelResult result = new CancelResult(intent, cluster, canceling, ActionRecords.redacted(plan));
            replays.remember(who, request.idempotencyKey(), result);
            return result;
        } catch (ObErrorException e) {
            records.outcome(intent, AuditOutcome.REJECTED_BY_OCEANBASE, ActionRecords.redacted(plan), e.error().code(),
                    e.error().text(),
                    List.of());
            throw new OceanBaseRejectedException(e.error());
        } catch (ClusterUnreachableException e) {
            records.outcome(intent, AuditOutcome.CLUSTER_UNREACHABLE, ActionRecords.redacted(plan), null, e.reason(),
                    List.of());
            throw new ActionInterruptedException(cluster, e.reason(), !plan.isEmpty());
        }
    }

    /** The jobs the BACKUP created: user-tenant jobs of the covered tenants, by our initiator, started from just before. */
    private List<StartedJob> readBack(String cluster, ClusterSnapshot snapshot, List<TenantName> covered,
            LocalDateTime before) {
        Set<String> names = covered.stream().map(TenantName::value).collect(Collectors.toSet());
        LocalDateTime from = before.minusSeconds(START_SKEW_SECONDS);
        boolean sys = snapshot.mode() == ClusterMode.SYS;
        try {
            return gateway.jobs(cluster, 50).stream()
                    .filter(j -> names.contains(j.tenantName()))
                    .filter(j -> j.start() != null && !j.start().isBefore(from))
                    .filter(j -> sys ? j.initiatorTenantId() == 1 : j.initiatorTenantId() == j.tenantId())
                    .map(BackupService::started).toList();
        } catch (ClusterUnreachableException e) {
            // the BACKUP was accepted; only reading the ids failed
            LOG.warnf("Backup on cluster %s accepted, but its jobs could not be read back: %s", cluster, e.reason());
            return List.of();
        }
    }

    private static StartedJob started(BackupJob job) {
        return new StartedJob(job.tenantName(), job.tenantId(), job.jobId(), job.backupType(), job.status(),
                job.encryptionMode(), job.incarnation(), job.start());
    }

    // ---- checks

    /** As {@link BackupPlanner#resolve}, with an unknown tenant recorded as refused before the exception leaves. */
    private List<TenantName> resolveRecorded(long intent, ObDialect dialect, ClusterSnapshot snapshot, BackupScope scope) {
        try {
            return BackupPlanner.resolve(dialect, snapshot, scope);
        } catch (RuntimeException e) {
            records.outcome(intent, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, e.getMessage(), List.of());
            throw e;
        }
    }

    /** Names only tenants the person named themselves, so a refusal never reveals another tenant. */
    private void requireOperate(Operator who, String cluster, BackupScope scope) {
        if (scope == null) {
            return;
        }
        if (scope.all() ? !permissions.canOperateAllTenants(who, cluster)
                : !scope.tenants().stream().allMatch(t -> permissions.canOperate(who, cluster, t))) {
            throw new ActionForbiddenException(who.username() + " may not start or cancel backups of "
                    + (scope.all() ? "every tenant" : refused(scope, t -> permissions.canOperate(who, cluster, t)))
                    + " on cluster " + cluster);
        }
    }

    private void requireView(Operator who, String cluster, BackupScope scope) {
        if (!scope.all() && !scope.tenants().stream().allMatch(t -> permissions.canView(who, cluster, t))) {
            throw new ActionForbiddenException(who.username() + " may not see "
                    + refused(scope, t -> permissions.canView(who, cluster, t)) + " on cluster " + cluster);
        }
    }

    /** Every tenant of the cluster, resolved: the refusal says "every tenant", never which ones are hidden. */
    private void requireViewEvery(Operator who, String cluster, List<TenantName> tenants) {
        if (!tenants.stream().allMatch(t -> permissions.canView(who, cluster, t.value()))) {
            throw new ActionForbiddenException(who.username() + " may not see every tenant of cluster " + cluster
                    + "; name the tenants you work on instead");
        }
    }

    private static String refused(BackupScope scope, java.util.function.Predicate<String> allowed) {
        return scope.tenants().stream().filter(allowed.negate()).distinct().collect(Collectors.joining(", "));
    }

    /**
     * 9036: OceanBase saw a running backup the preflight did not (another console instance was
     * faster). Names who started each running job by that very job, never by an older one with
     * the same number.
     */
    private String alreadyRunning(String cluster, BackupScope scope) {
        StringBuilder message = new StringBuilder("A backup is already running");
        try {
            for (TenantState tenant : gateway.snapshot(cluster).tenants()) {
                if (scope.all() || scope.tenants().contains(tenant.name())) {
                    tenant.running().forEach(job -> {
                        BlockingJob running = preflight.blockingJob(cluster, job);
                        message.append(", for ").append(tenant.name()).append(' ').append(running.startedInWords())
                                .append(" (").append(running.name()).append(')');
                    });
                }
            }
        } catch (ClusterUnreachableException e) {
            // the refusal stands; only its detail is missing
        }
        return message.append('.').toString();
    }

    private static AuditAction action(BackupRequest request) {
        return request.type() == null ? AuditAction.BACKUP : AuditAction.backup(request.type());
    }

    private <T> T withClusterLock(String cluster, java.util.function.Supplier<T> action) {
        // one action at a time per cluster in this instance, so the second sees the first's job in its preflight
        ReentrantLock lock = clusterLocks.computeIfAbsent(cluster, c -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
