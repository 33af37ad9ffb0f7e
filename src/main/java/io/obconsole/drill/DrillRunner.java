package io.obconsole.drill;

import io.obconsole.access.Operator;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.backup.ActionRecords;
import io.obconsole.backup.EncryptionPassword;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.ObErrorException;
import io.obconsole.cluster.ObStatement;
import io.obconsole.cluster.ResourcePool;
import io.obconsole.cluster.RestoreRow;
import io.obconsole.cluster.ServerCapacity;
import io.obconsole.cluster.ServerCapacity.UnitSize;
import io.obconsole.cluster.TenantRole;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.Fleet;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.policy.NamedSecrets;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.restore.NewPool;
import io.obconsole.restore.PoolChoice;
import io.obconsole.window.RestoreInterval;
import io.obconsole.restore.RestorePoint;
import io.obconsole.restore.RestoreRequest;
import io.obconsole.restore.RestoreResult;
import io.obconsole.restore.RestoreService;
import io.obconsole.window.RestoreWindow;
import io.obconsole.window.Scn;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Moves one drill run one step on: PENDING (preflight, then the RESTORE through
 * {@link RestoreService#start}, as a person's restore on behalf of the policy's owner) → RESTORING
 * (watched in the fleet read model like any restore, then checked) → CLEANING (scratch tenant and
 * pool dropped by {@link ScratchTenants}) → PROVEN or FAILED. Everything it needs is in the run's
 * row, so whichever instance holds the run's lease can take the next step.
 */
@ApplicationScoped
class DrillRunner {

    private static final Logger LOG = Logger.getLogger(DrillRunner.class);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final DrillRuns runs;
    private final RestoreService restores;
    private final Fleet fleet;
    private final ClusterGateway gateway;
    private final ScratchTenants scratch;
    private final NamedSecrets secrets;
    private final ActionRecords records;
    private final DrillConfig config;
    private final Clock clock = Clock.systemUTC();

    DrillRunner(DrillRuns runs, RestoreService restores, Fleet fleet, ClusterGateway gateway, ScratchTenants scratch,
            NamedSecrets secrets, AuditTrail audit, DrillConfig config) {
        this.runs = runs;
        this.restores = restores;
        this.fleet = fleet;
        this.gateway = gateway;
        this.scratch = scratch;
        this.secrets = secrets;
        this.records = new ActionRecords(audit);
        this.config = config;
    }

    /** One step of the run; the run as stored afterwards. */
    DrillRun step(DrillRun run) {
        Optional<DrillPolicy> policy = runs.policy(run.policyId);
        return switch (run.state) {
            case PENDING -> policy.isEmpty() ? skip(run, "The drill policy was deleted before the run started")
                    : start(run, policy.get());
            case RESTORING -> watch(run, policy);
            case CLEANING -> cleanUp(run, owner(run, policy));
            case PROVEN, FAILED, SKIPPED -> run;
        };
    }

    // ---- PENDING: preflight, then the restore

    private DrillRun start(DrillRun run, DrillPolicy policy) {
        if (runs.clusterBusy(run.drillCluster, run.id)) {
            return run;
        }
        Operator owner = policy.owner();
        Map<String, String> preflight = new LinkedHashMap<>();
        preflight.put("run", String.valueOf(run.id));
        preflight.put("drillCluster", run.drillCluster);
        long intent = records.intent(new ActionIntent(owner, AuditAction.DRILL_PREFLIGHT, run.cluster, List.of(run.tenant),
                preflight, UUID.randomUUID().toString()));
        Scn point;
        PoolChoice pool;
        try {
            point = point(run, policy.point);
            pool = pool(run, policy);
        } catch (PreflightRefusal refusal) {
            records.outcome(intent, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, refusal.getMessage(), List.of());
            return skip(run, refusal.getMessage());
        } catch (ClusterUnreachableException e) {
            records.outcome(intent, AuditOutcome.CLUSTER_UNREACHABLE, List.of(), null, e.reason(), List.of());
            return skip(run, (e.cluster().equals(run.drillCluster) ? "The drill cluster " : "The cluster ") + e.cluster()
                    + " did not answer: " + e.reason());
        }
        records.outcome(intent, AuditOutcome.ACCEPTED, List.of(), null, null, List.of());
        String tenant = DrillNames.scratchTenant(run.tenant, run.id);
        // recorded before anything is sent: an instance that dies now leaves enough for another to clean up
        DrillRun restoring = runs.change(run.id, r -> {
            r.state = DrillState.RESTORING;
            r.scratchTenant = tenant;
            r.poolName = pool.pool();
            r.unitName = pool instanceof PoolChoice.Create create ? create.unit() : null;
            r.poolCreated = pool instanceof PoolChoice.Create;
            r.pointScn = point.value();
            r.startedAt = DrillRuns.utc(clock.instant());
        });
        try {
            RestoreResult result = restores.start(owner, new RestoreRequest(run.cluster, run.tenant, run.drillCluster,
                    tenant, pool, new RestorePoint.AtScn(point), decryption(policy), policy.concurrency,
                    "restore drill, run " + run.id + " of drill policy " + policy.id, restoreKey(run)));
            return runs.change(run.id, r -> {
                r.scratchCreated = true;
                r.restoreJobId = result.jobId() == 0 ? null : result.jobId();
                r.restoreAuditId = result.auditId();
            });
        } catch (RuntimeException e) {
            LOG.infof("Drill run %d: the restore into %s on %s was not accepted: %s", run.id, tenant, run.drillCluster,
                    e.getMessage());
            return fail(restoring, "The restore was not accepted: " + e.getMessage());
        }
    }

    /**
     * The restore's idempotency key: the run's id and when it was claimed. The id alone repeats once
     * the console's database numbers runs from 1 again (made anew, or restored from an older backup),
     * and a repeated key would be answered with an earlier run's restore instead of a new one.
     */
    private static String restoreKey(DrillRun run) {
        return "drill-run-" + run.id + "@" + run.claimedAt;
    }

    /** The point to restore to, inside the window the fleet last computed. */
    private Scn point(DrillRun run, DrillPoint choice) {
        RestoreWindow window = fleet.recoverableWindow(run.cluster, run.tenant).orElseThrow(() -> new PreflightRefusal(
                "The recoverable window of " + run.cluster + "/" + run.tenant + " is not read yet"));
        if (window.isEmpty()) {
            throw new PreflightRefusal(window.summary());
        }
        Scn latest = window.latest().orElseThrow(() -> new PreflightRefusal(window.summary()));
        return choice == DrillPoint.RANDOM ? randomPoint(window.intervals()) : latest;
    }

    /** A point drawn evenly over the window's intervals (older sets and their archive count as much as recent ones). */
    static Scn randomPoint(List<RestoreInterval> intervals) {
        long total = intervals.stream().mapToLong(i -> i.to().value() - i.from().value() + 1).sum();
        long draw = ThreadLocalRandom.current().nextLong(total);
        for (RestoreInterval interval : intervals) {
            long length = interval.to().value() - interval.from().value() + 1;
            if (draw < length) {
                return new Scn(interval.from().value() + draw);
            }
            draw -= length;
        }
        return intervals.get(intervals.size() - 1).to();
    }

    /**
     * The policy's free pool of the drill cluster, or a unit and pool of the run's own, sized like
     * the source's, once the drill cluster's servers are seen to have room for it.
     */
    private PoolChoice pool(DrillRun run, DrillPolicy policy) {
        if (policy.drillPool == null) {
            roomFor(run, newPool(run));
            return new PoolChoice.Create(DrillNames.pool(run.id), DrillNames.unit(run.id), null);
        }
        ResourcePool pool = gateway.resourcePools(run.drillCluster).stream().filter(p -> p.name().equals(policy.drillPool))
                .findFirst().orElseThrow(() -> new PreflightRefusal("The drill cluster " + run.drillCluster
                        + " has no resource pool " + policy.drillPool));
        if (!pool.free()) {
            throw new PreflightRefusal("The resource pool " + pool.name() + " of " + run.drillCluster
                    + " is granted to tenant " + pool.tenantId() + ": a drill needs it free");
        }
        return new PoolChoice.Existing(pool.name());
    }

    /** The unit and pool the restore would create; without the source's unit size there is nothing to size it like. */
    private NewPool newPool(DrillRun run) {
        try {
            return restores.newPoolLike(run.cluster, run.tenant, run.drillCluster, null);
        } catch (InvalidRequestException e) {
            throw new PreflightRefusal("The size of " + run.cluster + "/" + run.tenant + "'s resource unit cannot be known ("
                    + e.getMessage() + "), so the drill cannot create a unit like it on " + run.drillCluster
                    + ": give the drill policy a free pool of " + run.drillCluster);
        }
    }

    /**
     * Every zone of the new pool needs {@code unitNum} servers with room for the unit (GV$OB_SERVERS),
     * else OceanBase would refuse CREATE RESOURCE POOL half-way through the drill: refused before anything is sent.
     */
    private void roomFor(DrillRun run, NewPool pool) {
        List<ServerCapacity> servers = gateway.serverCapacity(run.drillCluster);
        UnitSize unit = pool.unit();
        List<String> short_ = new ArrayList<>();
        for (String zone : pool.zones()) {
            List<ServerCapacity> inZone = servers.stream().filter(s -> zone.equals(s.zone())).toList();
            long withRoom = inZone.stream().filter(s -> s.shortage(unit) == null).count();
            if (withRoom < pool.unitNum()) {
                short_.add(inZone.isEmpty() ? zone + " lists no server" : zone + ": " + inZone.stream()
                        .filter(s -> s.shortage(unit) != null).map(s -> "server " + s.server() + " lacks " + s.shortage(unit))
                        .reduce((a, b) -> a + "; " + b).orElse(withRoom + " server(s) with room, " + pool.unitNum()
                                + " needed"));
            }
        }
        if (!short_.isEmpty()) {
            throw new PreflightRefusal("The drill cluster " + run.drillCluster + " has no room for a unit like "
                    + run.cluster + "/" + run.tenant + "'s (" + describe(unit) + ", " + pool.unitNum() + " per zone) in "
                    + String.join("; in ", short_));
        }
    }

    private static String describe(UnitSize unit) {
        return (unit.maxCpu() == Math.rint(unit.maxCpu()) ? String.valueOf((long) unit.maxCpu())
                : String.valueOf(unit.maxCpu())) + " CPU, " + (unit.memorySize() >> 30) + " GiB memory, "
                + (unit.logDiskSize() >> 30) + " GiB log disk";
    }

    private List<EncryptionPassword> decryption(DrillPolicy policy) {
        if (policy.secretName == null) {
            return List.of();
        }
        return List.of(secrets.password(policy.secretName).orElseThrow(() -> new IllegalStateException(
                "No secret named '" + policy.secretName + "' is configured")));
    }

    // ---- RESTORING: watch, then check

    private DrillRun watch(DrillRun run, Optional<DrillPolicy> policy) {
        Duration limit = policy.map(p -> p.timeLimit).orElse(config.defaultTimeLimit());
        ClusterState drillCluster = fleet.cluster(run.drillCluster);
        if (!drillCluster.reachable()) {
            // what the fleet read last stays: the restore goes on over there, and is looked at again once it answers
            run = waiting(run, "The drill cluster " + run.drillCluster + " does not answer since "
                    + AT.format(drillCluster.problem().since()) + " (" + drillCluster.problem().reason()
                    + "): the drill waits for it, its time limit still runs");
            return overLimit(run, limit) ? fail(run, "The drill exceeded its time limit of " + limit.toMinutes()
                    + " min while its drill cluster did not answer; the restore is stopped once it answers") : run;
        }
        try {
            return watchAnswering(answering(run), limit, policy);
        } catch (ClusterUnreachableException e) {
            return waiting(run, "The drill cluster " + run.drillCluster + " does not answer (" + e.reason()
                    + "): the drill waits for it, its time limit still runs");
        }
    }

    private DrillRun watchAnswering(DrillRun run, Duration limit, Optional<DrillPolicy> policy) {
        Optional<FleetRestore> seen = restoreOf(run);
        if (seen.isPresent() && seen.get().row().tenantId() > 0 && run.scratchTenantId == null) {
            long id = seen.get().row().tenantId();
            Long job = seen.get().row().jobId();
            run = runs.change(run.id, r -> {
                r.scratchTenantId = id;
                r.restoreJobId = job;
                r.scratchCreated = true;
            });
        }
        if (seen.isEmpty() && !run.scratchCreated && !acceptedAfterAll(run)) {
            // the instance that sent the RESTORE died before OceanBase showed the job, and it shows none
            return fail(run, "The restore into " + run.scratchTenant + " was never accepted");
        }
        if (seen.isPresent() && !seen.get().running()) {
            return check(run, seen.get(), owner(run, policy));
        }
        if (overLimit(run, limit)) {
            return fail(run, "The drill exceeded its time limit of " + limit.toMinutes() + " min; the restore was stopped");
        }
        return run;
    }

    private boolean overLimit(DrillRun run, Duration limit) {
        return run.startedAt != null
                && Duration.between(DrillRuns.instant(run.startedAt), clock.instant()).compareTo(limit) > 0;
    }

    /** The run waits for {@code why} (said on its row until it moves on); stored only when the reason changes. */
    private DrillRun waiting(DrillRun run, String why) {
        String reason = why.length() > 1000 ? why.substring(0, 999) + "…" : why;
        if (reason.equals(run.waiting)) {
            return run;
        }
        LOG.infof("Drill run %d waits: %s", run.id, reason);
        return runs.change(run.id, r -> r.waiting = reason);
    }

    /** The drill cluster answers again: the run no longer says it waits. */
    private DrillRun answering(DrillRun run) {
        return run.waiting == null ? run : runs.change(run.id, r -> r.waiting = null);
    }

    /** The run's restore as the fleet read it last (its job, else the newest of the scratch tenant's name). */
    private Optional<FleetRestore> restoreOf(DrillRun run) {
        List<FleetRestore> all = fleet.cluster(run.drillCluster).restoresOf(run.scratchTenant);
        return all.stream().filter(r -> run.restoreJobId != null && r.row().jobId() == run.restoreJobId).findFirst()
                .or(() -> all.stream().findFirst());
    }

    private boolean acceptedAfterAll(DrillRun run) {
        boolean running = gateway.runningRestores(run.drillCluster).stream()
                .anyMatch(r -> r.tenantName().equalsIgnoreCase(run.scratchTenant));
        if (running) {
            runs.change(run.id, r -> r.scratchCreated = true);
        }
        return running;
    }

    /** Tenant NORMAL/STANDBY, the point reached, no failure COMMENT: what the drill proves, on the audit trail. */
    private DrillRun check(DrillRun run, FleetRestore restore, Operator owner) {
        RestoreRow row = restore.row();
        Optional<TenantRole> tenant = gateway.tenant(run.drillCluster, run.scratchTenant);
        List<String> checks = new ArrayList<>();
        boolean ok = restore.succeeded() && (row.comment() == null || row.comment().isBlank());
        checks.add((ok ? "PASS" : "FAIL") + " restore " + row.status() + (row.comment() == null || row.comment().isBlank()
                ? ", no failure comment" : ": " + row.comment()));
        boolean normal = tenant.isPresent() && "NORMAL".equalsIgnoreCase(tenant.get().status())
                && "STANDBY".equalsIgnoreCase(tenant.get().role());
        checks.add((normal ? "PASS" : "FAIL") + " tenant " + run.scratchTenant + " is " + tenant.map(t -> t.status() + "/"
                + t.role()).orElse("not listed") + " (NORMAL/STANDBY expected)");
        boolean reached = row.restoreScn() != null && row.restoreScn().equals(run.pointScn);
        checks.add((reached ? "PASS" : "FAIL") + " restored to SCN " + row.restoreScn() + " (asked " + run.pointScn + ")");
        String failure = checks.stream().filter(c -> c.startsWith("FAIL")).map(c -> c.substring(5))
                .reduce((a, b) -> a + "; " + b).orElse(null);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("run", String.valueOf(run.id));
        parameters.put("scratchTenant", run.scratchTenant);
        for (int i = 0; i < checks.size(); i++) {
            parameters.put("check" + (i + 1), checks.get(i));
        }
        long intent = records.intent(new ActionIntent(owner, AuditAction.DRILL_CHECK, run.cluster, List.of(run.tenant),
                parameters, UUID.randomUUID().toString()));
        records.outcome(intent, failure == null ? AuditOutcome.ACCEPTED : AuditOutcome.FAILED, List.of(), null, failure,
                List.of());
        Long tenantId = tenant.map(TenantRole::id).orElse(run.scratchTenantId);
        return runs.change(run.id, r -> {
            r.checks = String.join("\n", checks);
            r.restoreStartedAt = row.start();
            r.restoreFinishedAt = row.end();
            r.restoredBytes = row.totalBytes();
            r.restoreJobId = row.jobId();
            if (r.scratchTenantId == null && row.tenantId() > 0) {
                r.scratchTenantId = row.tenantId();
            }
            r.failure = failure;
            r.state = DrillState.CLEANING;
        });
    }

    // ---- CLEANING

    private DrillRun cleanUp(DrillRun run, Operator owner) {
        ClusterState drillCluster = fleet.cluster(run.drillCluster);
        if (!drillCluster.reachable()) {
            // nothing is sent (nor audited each round) until the fleet reads the cluster again
            return waiting(run, "The drill cluster " + run.drillCluster + " does not answer since "
                    + AT.format(drillCluster.problem().since()) + " (" + drillCluster.problem().reason() + "): "
                    + cleaningWhat(run) + " once it answers");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("run", String.valueOf(run.id));
        parameters.put("scratchTenant", String.valueOf(run.scratchTenant));
        parameters.put("pool", run.poolCreated ? run.poolName + " (created by the drill)" : String.valueOf(run.poolName));
        long intent = records.intent(new ActionIntent(owner, AuditAction.DRILL_CLEANUP, run.drillCluster,
                run.scratchTenant == null ? List.of(run.tenant) : List.of(run.scratchTenant), parameters,
                UUID.randomUUID().toString()));
        try {
            List<ObStatement> sent = scratch.remove(run);
            records.outcome(intent, AuditOutcome.ACCEPTED, ActionRecords.redacted(sent), null, null, List.of());
            return runs.change(run.id, r -> end(r, r.failure == null ? DrillState.PROVEN : DrillState.FAILED, r.failure));
        } catch (ScratchRefusedException e) {
            LOG.warnf("Drill run %d: %s", run.id, e.getMessage());
            records.outcome(intent, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, e.getMessage(), List.of());
            return runs.change(run.id, r -> end(r, DrillState.FAILED, (r.failure == null ? "" : r.failure + "; ")
                    + e.getMessage()));
        } catch (ObErrorException e) {
            records.outcome(intent, AuditOutcome.REJECTED_BY_OCEANBASE, List.of(), e.error().code(), e.error().text(),
                    List.of());
            return waiting(run, "OceanBase refused the cleanup (" + e.error().code() + " " + e.error().text() + "): "
                    + cleaningWhat(run) + " on the next round");
        } catch (ClusterUnreachableException e) {
            records.outcome(intent, AuditOutcome.CLUSTER_UNREACHABLE, List.of(), null, e.reason(), List.of());
            return waiting(run, "The drill cluster " + run.drillCluster + " does not answer (" + e.reason() + "): "
                    + cleaningWhat(run) + " once it answers");
        }
    }

    private static String cleaningWhat(DrillRun run) {
        return "the scratch tenant " + run.scratchTenant + (run.poolCreated ? " and the drill's pool " + run.poolName : "")
                + " are dropped";
    }

    // ---- endings

    private DrillRun skip(DrillRun run, String reason) {
        LOG.infof("Drill run %d of %s/%s skipped: %s", run.id, run.cluster, run.tenant, reason);
        return runs.change(run.id, r -> end(r, DrillState.SKIPPED, reason));
    }

    /** The drill failed: what it created is cleaned up next. */
    private DrillRun fail(DrillRun run, String reason) {
        LOG.infof("Drill run %d of %s/%s failed: %s", run.id, run.cluster, run.tenant, reason);
        return runs.change(run.id, r -> {
            r.failure = reason.length() > 2000 ? reason.substring(0, 2000) + "…" : reason;
            r.state = DrillState.CLEANING;
        });
    }

    private void end(DrillRun r, DrillState state, String failure) {
        r.state = state;
        r.failure = failure;
        r.endedAt = DrillRuns.utc(clock.instant());
        r.waiting = null;
        r.leaseOwner = null;
        r.leaseUntil = null;
    }

    private static Operator owner(DrillRun run, Optional<DrillPolicy> policy) {
        return policy.map(DrillPolicy::owner).orElseGet(() -> new Operator("drill run " + run.id + " (policy "
                + run.policyId + " deleted)", null, java.util.Set.of(), List.of(), null));
    }

    /** The preflight refused the run before anything was sent. */
    static final class PreflightRefusal extends RuntimeException {
        PreflightRefusal(String message) {
            super(message);
        }
    }
}
