package io.obconsole.restore;

import io.obconsole.window.PointCheck;
import io.obconsole.window.RestoreWindow;
import io.obconsole.window.Scn;
import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.Refusals;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.backup.ActionInterruptedException;
import io.obconsole.backup.ActionRecords;
import io.obconsole.backup.Admission;
import io.obconsole.backup.BackupsChanged;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.backup.JobNotRunningException;
import io.obconsole.backup.ReplayCache;
import io.obconsole.cluster.BackupDestination;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.ObErrorException;
import io.obconsole.cluster.ObStatement;
import io.obconsole.cluster.ResourcePool;
import io.obconsole.cluster.RestoreRow;
import io.obconsole.cluster.RestoreSource;
import io.obconsole.cluster.ServerCapacity;
import io.obconsole.cluster.TenantName;
import io.obconsole.cluster.UnknownClusterException;
import io.obconsole.cluster.UnknownTenantException;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.ClusterTime;
import io.obconsole.fleet.Fleet;
import io.obconsole.fleet.FleetRestore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Starts, cancels and activates restores the way {@link io.obconsole.backup.BackupService} starts
 * backups: one admission step (refusals on the audit trail), the point checked against the source's
 * recoverable window before anything runs, the intent recorded first, at most once per submit
 * (idempotency keys per person), and OceanBase's answer kept with its code. The RESTORE blocks on
 * the cluster until the new tenant exists (up to ten minutes): it runs on a thread and connection
 * of its own, with SET DECRYPTION before it in the same session, and the person gets their answer
 * as soon as OceanBase shows the job (or refuses it).
 */
@ApplicationScoped
public class RestoreService {

    private static final Logger LOG = Logger.getLogger(RestoreService.class);
    /** OceanBase's own bound on the RESTORE's synchronous part, and a minute more for the answer. */
    static final Duration RESTORE_STATEMENT = Duration.ofMinutes(11);
    /** How long the person waits for OceanBase to show the job or refuse it. */
    static final Duration ACCEPT_WAIT = Duration.ofSeconds(60);
    private static final Duration ACCEPT_POLL = Duration.ofMillis(100);

    private final ClusterGateway gateway;
    private final Fleet fleet;
    private final Permissions permissions;
    private final Admission admission;
    private final ActionRecords records;
    private final Event<BackupsChanged> changes;
    private final ReplayCache replays = new ReplayCache();
    private final ExecutorService statements;

    @Inject
    public RestoreService(ClusterGateway gateway, Fleet fleet, AuditTrail audit, Permissions permissions,
            Refusals refusals, Event<BackupsChanged> changes) {
        this.gateway = gateway;
        this.fleet = fleet;
        this.permissions = permissions;
        this.admission = new Admission(refusals);
        this.records = new ActionRecords(audit);
        this.changes = changes;
        AtomicInteger count = new AtomicInteger();
        this.statements = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "restore-statement-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        statements.shutdownNow();
    }

    /** Parses a person's request; what cannot be parsed is refused and recorded as such. */
    public <T> T parsed(Operator who, AuditAction action, String cluster, java.util.function.Supplier<T> parse) {
        return admission.parsed(who, action, cluster, parse);
    }

    // ---- admission

    /**
     * Validates the request and the person's rights: the source must be a tenant they may see, the
     * target a sys-mode cluster where they may restore the new tenant. An unknown source and one
     * they may not see get the same answer (and so do targets); the trail records which it was.
     */
    private void admit(Operator who, RestoreRequest request) {
        List<String> named = request.audited();
        admission.admit(who, AuditAction.RESTORE, request.targetCluster(), named, () -> {
            request.validate();
            if (!request.fromUris()) {
                gateway.settings(request.sourceCluster());
            }
            gateway.settings(request.targetCluster());
        }, () -> {
            // a source given by URIs is storage, not a tenant of the fleet: restoring it is the target's right alone
            if (!request.fromUris() && !permissions.canView(who, request.sourceCluster(), request.sourceTenant())) {
                throw admission.hidden(who, AuditAction.RESTORE, request.targetCluster(), named, who.username()
                        + " may not see " + request.sourceCluster() + "/" + request.sourceTenant(),
                        unknownSource(request));
            }
            if (!permissions.canRestoreInCluster(who, request.targetCluster())) {
                throw admission.hidden(who, AuditAction.RESTORE, request.targetCluster(), named, who.username()
                        + " may not restore into cluster " + request.targetCluster(),
                        new UnknownClusterException(request.targetCluster()));
            }
            if (!permissions.canRestore(who, request.targetCluster(), request.newTenant())) {
                throw new ActionForbiddenException(who.username() + " may not restore into " + request.newTenant()
                        + " on cluster " + request.targetCluster());
            }
        });
        if (request.fromUris()) {
            return;
        }
        ClusterState source = fleet.cluster(request.sourceCluster());
        if (source.read() && source.tenant(request.sourceTenant()).isEmpty()) {
            throw unknownSource(request);
        }
    }

    private static UnknownTenantException unknownSource(RestoreRequest request) {
        return new UnknownTenantException(request.sourceCluster(), request.sourceTenant());
    }

    /** The point against the source's window as the fleet last computed it; refused when outside or not read yet. */
    private PointCheck checkPoint(RestoreRequest request) {
        if (request.fromUris()) {
            return previewPoint(request);
        }
        RestoreWindow window = fleet.recoverableWindow(request.sourceCluster(), request.sourceTenant())
                .orElseThrow(() -> new PointNotRestorableException("The recoverable window of " + request.sourceCluster()
                        + "/" + request.sourceTenant() + " is not read yet (window not read yet): nothing was sent. "
                        + "Try again once the tenant page shows its window."));
        PointCheck check;
        if (request.point() instanceof RestorePoint.AtTime at) {
            check = window.check(at.at());
        } else if (request.point() instanceof RestorePoint.AtScn at) {
            check = window.check(at.scn());
        } else {
            check = window.latest().map(window::check).orElseThrow(() -> new PointNotRestorableException(window.summary()));
        }
        if (check instanceof PointCheck.Inside inside) {
            if (inside.needsDecryption() && request.decryption().isEmpty()) {
                throw new InvalidRequestException("The backup sets of " + request.sourceTenant() + " are encrypted: give "
                        + "their backup password (decryption)", "An encrypted backup needs its password");
            }
            return inside;
        }
        throw new PointNotRestorableException(check.explanation());
    }

    /**
     * The point of a restore from URIs, checked by OceanBase itself: no view on the target describes
     * another cluster's backups (ob-restore-spec 3, "cross-cluster"), so the target previews the
     * restore ({@code RESTORE ... PREVIEW}, {@code SHOW RESTORE PREVIEW}). Where the target has no
     * PREVIEW the point cannot be checked, and the console starts no restore it cannot check; nor
     * "latest", which PREVIEW cannot name (its UNTIL is mandatory) and OceanBase's own default can
     * lie past a gap.
     */
    private PointCheck.Previewed previewPoint(RestoreRequest request) {
        String target = request.targetCluster();
        ObDialect dialect = gateway.dialect(target);
        if (dialect.mode() != ClusterMode.SYS) {
            throw new InvalidRequestException("Cluster " + target + " is configured with a tenant's account; a restore "
                    + "is run by root@sys", "A restore needs a sys-mode target cluster");
        }
        if (!dialect.hasRestorePreview()) {
            throw new PointNotRestorableException("Cluster " + target + " runs OceanBase " + dialect.version()
                    + ", which has no RESTORE PREVIEW (4.2.3 and later 4.2, 4.3.2 and later): the console cannot check a "
                    + "point of a backup given by its URIs there, so it starts no such restore. Restore into a cluster "
                    + "of a version with PREVIEW, or from a tenant the console lists (its window is known).");
        }
        if (request.point() instanceof RestorePoint.Latest) {
            throw new PointNotRestorableException("A backup given by its URIs has no window the console can read: give "
                    + "a time or an SCN, which cluster " + target + " checks with RESTORE PREVIEW before anything runs.");
        }
        Long scn = request.point() instanceof RestorePoint.AtScn at ? at.scn().value() : null;
        java.time.LocalDateTime time = request.point() instanceof RestorePoint.AtTime at ? ClusterTime.ofInstant(at.at())
                : null;
        List<ObStatement> before = request.decryption().isEmpty() ? List.of()
                : List.of(dialect.setDecryption(request.decryption().stream().map(p -> p.reveal()).toList()));
        List<List<String>> rows;
        try {
            rows = gateway.restorePreview(target, before, dialect.restorePreview(request.sourceUris(), scn, time));
        } catch (ObErrorException e) {
            String text = BackupDestination.mask(e.error().text());
            if (e.error().code() == 9119 || e.error().code() == 4018) {
                throw new PointNotRestorableException("Cluster " + target + " previewed the restore: " + text
                        + " (OceanBase " + e.error().code() + "). Nothing was sent.");
            }
            throw new RestoreRejectedException(new io.obconsole.cluster.ObError(e.error().code(), e.error().sqlState(), text));
        }
        Scn point = scn != null ? new Scn(scn) : Scn.of(((RestorePoint.AtTime) request.point()).at());
        LOG.infof("Preview on %s of %s up to %s: %d sets and pieces", target, request.sourceText(), point.utc(), rows.size());
        return new PointCheck.Previewed(point, target, rows.stream()
                .map(row -> row.get(0) + " " + row.get(1) + " " + row.get(2) + (row.get(3).isEmpty() ? "" : " " + row.get(3)))
                .toList());
    }

    /**
     * The target cluster's free resource pools (granted to no tenant), read now, for the wizard's
     * choice; empty where the person may not restore or the cluster does not answer.
     */
    public List<String> freePools(Operator who, String cluster) {
        if (!permissions.canRestoreInCluster(who, cluster)) {
            return List.of();
        }
        try {
            if (gateway.dialect(cluster).mode() != ClusterMode.SYS) {
                return List.of();
            }
            return gateway.resourcePools(cluster).stream().filter(ResourcePool::free).map(ResourcePool::name).sorted()
                    .toList();
        } catch (ClusterUnreachableException e) {
            return List.of();
        }
    }

    // ---- plan

    /**
     * The statements {@link #start} would send, for the review page; reads only (the target's pools,
     * the source's destinations), records nothing but refusals.
     */
    public RestorePlan plan(Operator who, RestoreRequest request) {
        admit(who, request);
        PointCheck check = checkPoint(request);
        return plan(request, check);
    }

    private RestorePlan plan(RestoreRequest request, PointCheck check) {
        String target = request.targetCluster();
        ObDialect dialect = gateway.dialect(target);
        if (dialect.mode() != ClusterMode.SYS) {
            throw new InvalidRequestException("Cluster " + target + " is configured with a tenant's account; a restore "
                    + "is run by root@sys", "A restore needs a sys-mode target cluster");
        }
        List<ResourcePool> pools = gateway.resourcePools(target);
        List<ObStatement> prepare = new ArrayList<>();
        if (request.pool() instanceof PoolChoice.Create create) {
            prepare.addAll(createPool(request, create, dialect, pools));
        } else {
            dialect.pool(request.pool().pool(), pools.stream().map(ResourcePool::name).toList());
        }
        List<io.obconsole.cluster.BackupDestination> uris;
        if (request.fromUris()) {
            uris = request.sourceUris();
        } else {
            RestoreSource source = gateway.restoreSource(request.sourceCluster(), request.sourceTenant());
            if (source.uris().isEmpty()) {
                throw new InvalidRequestException(request.sourceCluster() + "/" + request.sourceTenant() + " has no backup "
                        + "destination or no archive destination to restore from", "The source has no destinations");
            }
            uris = source.uris();
        }
        List<ObStatement> restore = new ArrayList<>();
        if (!request.decryption().isEmpty()) {
            restore.add(dialect.setDecryption(request.decryption().stream().map(p -> p.reveal()).toList()));
        }
        Long scn = request.point() instanceof RestorePoint.AtTime ? null : check.point().value();
        java.time.LocalDateTime time = request.point() instanceof RestorePoint.AtTime at ? ClusterTime.ofInstant(at.at())
                : null;
        restore.add(dialect.restore(request.newTenant(), uris, scn, time, List.of(request.pool().pool()),
                request.concurrency(), request.description()));
        return new RestorePlan(List.copyOf(prepare), List.copyOf(restore), check);
    }

    /** A unit and pool sized like the source tenant's own pool, in the target's zones. */
    private List<ObStatement> createPool(RestoreRequest request, PoolChoice.Create create, ObDialect dialect,
            List<ResourcePool> targetPools) {
        if (targetPools.stream().anyMatch(p -> p.name().equalsIgnoreCase(create.pool()))) {
            throw new InvalidRequestException("Cluster " + request.targetCluster() + " already has a pool named "
                    + create.pool() + ": choose it as an existing pool or another name", "The pool exists");
        }
        if (gateway.resourceUnits(request.targetCluster()).stream().anyMatch(u -> u.equalsIgnoreCase(create.unit()))) {
            throw new InvalidRequestException("Cluster " + request.targetCluster() + " already has a resource unit named "
                    + create.unit(), "The unit exists");
        }
        if (request.fromUris()) {
            throw new InvalidRequestException("A backup given by its URIs has no pool of the fleet to size a new one like: "
                    + "choose an existing free pool of " + request.targetCluster(), "Choose an existing pool");
        }
        NewPool shape = newPoolLike(request.sourceCluster(), request.sourceTenant(), request.targetCluster(),
                create.unitNum(), targetPools);
        return List.of(dialect.createResourceUnit(create.unit(), shape.unit().maxCpu(), shape.unit().minCpu(),
                shape.unit().memorySize(), shape.unit().logDiskSize()), dialect.createResourcePool(create.pool(),
                        create.unit(), shape.unitNum(), shape.zones()));
    }

    /**
     * The unit and pool a restore of {@code sourceTenant} into {@code targetCluster} creates when it
     * makes its own: sized like the source tenant's pool, in the target's zones (reads both clusters).
     *
     * @param unitNum units per zone; null: the source's
     * @throws InvalidRequestException     if the source tenant's pool cannot be read (its size is then unknown)
     * @throws ClusterUnreachableException if either cluster does not answer
     */
    public NewPool newPoolLike(String sourceCluster, String sourceTenant, String targetCluster, Integer unitNum) {
        return newPoolLike(sourceCluster, sourceTenant, targetCluster, unitNum, gateway.resourcePools(targetCluster));
    }

    private NewPool newPoolLike(String sourceCluster, String sourceTenant, String targetCluster, Integer unitNum,
            List<ResourcePool> targetPools) {
        long sourceId = fleet.cluster(sourceCluster).tenant(sourceTenant).map(t -> t.tenant().id()).orElse(-1L);
        List<ResourcePool> sourcePools = sourceCluster.equals(targetCluster) ? targetPools
                : gateway.dialect(sourceCluster).mode() == ClusterMode.SYS ? gateway.resourcePools(sourceCluster)
                : List.of();
        ResourcePool like = sourcePools.stream().filter(p -> p.tenantId() != null && p.tenantId() == sourceId)
                .findFirst().orElseThrow(() -> new InvalidRequestException("The source tenant's resource pool could "
                        + "not be read; choose an existing pool", "The source pool is unknown"));
        Set<String> zones = new LinkedHashSet<>();
        targetPools.forEach(p -> zones.addAll(p.zones()));
        return new NewPool(ServerCapacity.UnitSize.of(like), unitNum == null ? like.unitCount() : unitNum,
                List.copyOf(zones));
    }

    // ---- start

    /** Starts a restore; returns once OceanBase shows its job (or throws its refusal). */
    public RestoreResult start(Operator who, RestoreRequest request) {
        try {
            admit(who, request);
            Optional<RestoreResult> earlier = replays.earlier(who, request.idempotencyKey(), RestoreResult.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            long intent = records.intent(new ActionIntent(who, AuditAction.RESTORE, request.targetCluster(),
                    request.audited(), request.auditedParameters(), ReplayCache.keyOf(request.idempotencyKey())));
            RestoreResult result = startRecorded(request, intent);
            replays.remember(who, request.idempotencyKey(), result);
            return result;
        } finally {
            request.clearSecrets();
        }
    }

    private RestoreResult startRecorded(RestoreRequest request, long intent) {
        String cluster = request.targetCluster();
        RestorePlan plan;
        try {
            plan = plan(request, checkPoint(request));
        } catch (RuntimeException e) {
            records.outcome(intent, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, e.getMessage(), List.of());
            throw e;
        }
        List<ObStatement> sent = List.of();
        try {
            if (!plan.prepare().isEmpty()) {
                sent = plan.prepare();
                gateway.run(cluster, plan.prepare());
            }
            sent = plan.all();
            Set<Long> before = new java.util.HashSet<>();
            gateway.runningRestores(cluster).forEach(r -> before.add(r.jobId()));
            LOG.infof("Restore of %s into %s/%s: %s", request.sourceText(), cluster, request.newTenant(), plan.redacted());
            CompletableFuture<Void> running = CompletableFuture.runAsync(
                    () -> gateway.runOnOwnConnection(cluster, plan.restore(), RESTORE_STATEMENT), statements);
            RestoreRow job = awaitAccepted(cluster, request.newTenant(), before, running);
            running.whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.warnf("The RESTORE of %s on %s ended after OceanBase accepted it: %s", request.newTenant(), cluster,
                            failure.getMessage());
                }
            });
            changes.fire(new BackupsChanged(cluster));
            records.outcome(intent, AuditOutcome.ACCEPTED, plan.redacted(), null, null, List.of());
            return new RestoreResult(intent, cluster, request.newTenant(), job.jobId(), FleetRestore.keyOf(cluster, job),
                    plan.check().point().utc() + " (SCN " + plan.check().point().value() + ")", plan.redacted());
        } catch (ObErrorException e) {
            records.outcome(intent, AuditOutcome.REJECTED_BY_OCEANBASE,
                    ActionRecords.redacted(ActionRecords.sentUpTo(sent, e.statement())), e.error().code(), e.error().text(),
                    List.of());
            throw new RestoreRejectedException(e.error());
        } catch (ClusterUnreachableException e) {
            records.outcome(intent, AuditOutcome.CLUSTER_UNREACHABLE, ActionRecords.redacted(sent), null, e.reason(),
                    List.of());
            throw new ActionInterruptedException(cluster, e.reason(), !sent.isEmpty());
        }
    }

    /**
     * OceanBase shows a new job for the tenant (it accepted the RESTORE, which goes on creating the
     * tenant), or the statement ends first: refused (its error) or done (the tenant exists already).
     */
    private RestoreRow awaitAccepted(String cluster, String tenant, Set<Long> before, CompletableFuture<Void> running) {
        long deadline = System.nanoTime() + ACCEPT_WAIT.toNanos();
        while (true) {
            try {
                running.get(ACCEPT_POLL.toMillis(), TimeUnit.MILLISECONDS);
                // done: the tenant exists; its job is in PROGRESS (or already in HISTORY, read by the poller)
                return newJob(cluster, tenant, before).orElseGet(() -> new RestoreRow(0, tenant, 0, null, null,
                        "CREATE_TENANT", false, null, null, null, null, null, null, null, null, null, null, null));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                Optional<RestoreRow> job = newJob(cluster, tenant, before);
                if (job.isPresent()) {
                    return job.get();
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new ClusterUnreachableException(cluster, "OceanBase neither showed nor refused the restore within "
                            + ACCEPT_WAIT.toSeconds() + " s", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterUnreachableException(cluster, "interrupted while waiting for the restore", e);
            }
        }
    }

    private Optional<RestoreRow> newJob(String cluster, String tenant, Set<Long> before) {
        return gateway.runningRestores(cluster).stream()
                .filter(r -> tenant.equalsIgnoreCase(r.tenantName()) && !before.contains(r.jobId())).findFirst();
    }

    // ---- cancel and activate

    /** CANCEL RESTORE of a restoring tenant: drops it, keeps its pools. */
    public RestoreActionResult cancel(Operator who, String cluster, String tenant, String idempotencyKey) {
        return act(who, AuditAction.RESTORE_CANCEL, cluster, tenant, idempotencyKey, true);
    }

    /** ACTIVATE STANDBY TENANT of a restored tenant: STANDBY becomes PRIMARY. */
    public RestoreActionResult activate(Operator who, String cluster, String tenant, String idempotencyKey) {
        return act(who, AuditAction.RESTORE_ACTIVATE, cluster, tenant, idempotencyKey, false);
    }

    /** The tenant's TENANT_ROLE read now, for a confirmation page. */
    public Optional<String> role(Operator who, String cluster, String tenant) {
        admitTenant(who, AuditAction.RESTORE_ACTIVATE, cluster, tenant);
        return gateway.tenantRole(cluster, tenant);
    }

    private void admitTenant(Operator who, AuditAction action, String cluster, String tenant) {
        admission.admit(who, action, cluster, List.of(tenant == null ? "" : tenant), () -> {
            gateway.settings(cluster);
            ObDialect.checkTenantName(tenant);
        }, () -> {
            if (!permissions.canRestore(who, cluster, tenant)) {
                throw admission.hidden(who, action, cluster, List.of(tenant), who.username() + " may not restore "
                        + cluster + "/" + tenant, permissions.canViewCluster(who, cluster)
                                ? new UnknownTenantException(cluster, tenant) : new UnknownClusterException(cluster));
            }
        });
    }

    private RestoreActionResult act(Operator who, AuditAction action, String cluster, String tenant, String key,
            boolean cancel) {
        admitTenant(who, action, cluster, tenant);
        Optional<RestoreActionResult> earlier = replays.earlier(who, key, RestoreActionResult.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String before = gateway.tenantRole(cluster, tenant).orElseThrow(() -> new UnknownTenantException(cluster, tenant));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("roleBefore", before);
        long intent = records.intent(new ActionIntent(who, action, cluster, List.of(tenant), parameters,
                ReplayCache.keyOf(key)));
        List<ObStatement> plan = List.of();
        try {
            ObDialect dialect = gateway.dialect(cluster);
            // the role just read is the cluster's own listing of the tenant
            TenantName name = dialect.tenant(tenant, List.of(tenant));
            if (cancel && fleet.cluster(cluster).restoresOf(tenant).stream().noneMatch(FleetRestore::running)
                    && gateway.runningRestores(cluster).stream().noneMatch(r -> tenant.equalsIgnoreCase(r.tenantName()))) {
                String reason = "No restore of " + tenant + " is running on " + cluster + "; nothing was cancelled.";
                records.outcome(intent, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, reason, List.of());
                throw new JobNotRunningException(reason);
            }
            plan = List.of(cancel ? dialect.cancelRestore(name) : dialect.activateStandby(name));
            LOG.infof("%s: %s", who.username(), ActionRecords.redacted(plan));
            gateway.run(cluster, plan);
            String after = gateway.tenantRole(cluster, tenant).orElse(null);
            changes.fire(new BackupsChanged(cluster));
            records.outcome(intent, AuditOutcome.ACCEPTED, ActionRecords.redacted(plan), null, null, List.of());
            RestoreActionResult result = new RestoreActionResult(intent, cluster, tenant, before, after,
                    ActionRecords.redacted(plan));
            replays.remember(who, key, result);
            return result;
        } catch (ObErrorException e) {
            records.outcome(intent, AuditOutcome.REJECTED_BY_OCEANBASE, ActionRecords.redacted(plan), e.error().code(),
                    e.error().text(), List.of());
            throw new RestoreRejectedException(e.error());
        } catch (ClusterUnreachableException e) {
            records.outcome(intent, AuditOutcome.CLUSTER_UNREACHABLE, ActionRecords.redacted(plan), null, e.reason(),
                    List.of());
            throw new ActionInterruptedException(cluster, e.reason(), !plan.isEmpty());
        }
    }
}
