package io.obconsole.drill;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.Refusals;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.ResourcePool;
import io.obconsole.policy.AuditedChanges;
import io.obconsole.policy.FieldDifference;
import io.obconsole.policy.NamedSecrets;
import io.obconsole.policy.PolicyConfig;
import io.obconsole.policy.PolicyOwner;
import io.obconsole.fleet.Fleet;
import io.obconsole.fleet.TenantsChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Restore drill policies and what their runs proved: admins create, change, run now and delete
 * them (audited with the difference, like backup policies); operators and viewers read them, the
 * runs and the proof for the tenants they may see.
 */
@ApplicationScoped
public class DrillService {

    private static final int HISTORY_MAX = 500;

    private final Permissions permissions;
    private final AuditTrail audit;
    private final AuditedChanges changes;
    private final ClusterGateway gateway;
    private final NamedSecrets secrets;
    private final PolicyConfig policies;
    private final DrillConfig config;
    private final DrillSlots slots;
    private final DrillRuns runs;
    private final Event<TenantsChanged> shown;
    private final Fleet fleet;
    private final Clock clock = Clock.systemUTC();

    DrillService(Permissions permissions, AuditTrail audit, Refusals refusals, ClusterGateway gateway, NamedSecrets secrets,
            PolicyConfig policies, DrillConfig config, DrillSlots slots, DrillRuns runs, Event<TenantsChanged> shown,
            Fleet fleet) {
        this.shown = shown;
        this.fleet = fleet;
        this.permissions = permissions;
        this.audit = audit;
        this.changes = new AuditedChanges(audit, refusals);
        this.gateway = gateway;
        this.secrets = secrets;
        this.policies = policies;
        this.config = config;
        this.slots = slots;
        this.runs = runs;
    }

    // ---- reading

    public List<DrillPolicyView> list(Operator who) {
        return QuarkusTransaction.requiringNew().call(() -> DrillPolicy.all().stream()
                .filter(p -> mayRead(who, p.cluster, p.tenant)).map(this::view).toList());
    }

    public DrillPolicyView get(Operator who, String cluster, String tenant) {
        return view(find(who, cluster, tenant));
    }

    /** The tenant's drills, newest first, whichever policy ran them. */
    public List<DrillRunView> history(Operator who, String cluster, String tenant, int limit) {
        requireRead(who, AuditAction.DRILL_POLICY_READ, cluster, tenant);
        return runs.recent(cluster, tenant, Math.max(1, Math.min(limit, HISTORY_MAX))).stream().map(DrillRunView::of)
                .toList();
    }

    /** What drills proved of the tenant: the last successful one, and the last one. */
    public DrillProof proof(Operator who, String cluster, String tenant) {
        requireRead(who, AuditAction.DRILL_POLICY_READ, cluster, tenant);
        DrillRunView proven = runs.lastProven(cluster, tenant).map(DrillRunView::of).orElse(null);
        DrillRunView last = runs.recent(cluster, tenant, 1).stream().findFirst().map(DrillRunView::of).orElse(null);
        return DrillProof.of(cluster, tenant, proven, last, clock.instant());
    }

    /**
     * What drills proved of every tenant {@code who} may see, read at once (three queries, whatever
     * the fleet's size): for the overview's column.
     */
    /**
     * The tenants ({@code cluster/tenant}) whose last drill that proved or failed failed: not proven
     * to restore until a drill proves them again. Of every tenant; the caller shows only those its reader may see.
     */
    public Set<String> lastFailed() {
        return QuarkusTransaction.requiringNew().call(() -> DrillRun.lastEndedOfEach().stream()
                .filter(r -> r.state == DrillState.FAILED).map(r -> r.cluster + "/" + r.tenant)
                .collect(Collectors.toSet()));
    }

    public DrillOverview standings(Operator who) {
        return QuarkusTransaction.requiringNew().call(() -> DrillOverview.of(
                DrillPolicy.all().stream().filter(p -> mayRead(who, p.cluster, p.tenant)).toList(),
                DrillRun.lastProvenOfEach().stream().filter(r -> permissions.canView(who, r.cluster, r.tenant))
                        .map(DrillRunView::of).toList(),
                DrillRun.unended().stream().filter(r -> permissions.canView(who, r.cluster, r.tenant))
                        .map(DrillRunView::of).toList(),
                clock.instant()));
    }

    // ---- managing (admins)

    /** Creates the tenant's drill policy or replaces it whole; the admin who saves it becomes its owner. */
    public DrillPolicyView save(Operator who, String cluster, String tenant, Supplier<DrillSpec> request) {
        DrillSpec spec = admitted(who, AuditAction.DRILL_POLICY_SAVE, cluster, tenant, () -> {
            requireManage(who, cluster, tenant);
            DrillSpec read = request.get();
            validate(read);
            return read;
        });
        DrillPolicy before = QuarkusTransaction.requiringNew().call(() -> DrillPolicy.of(cluster, tenant)
                .map(DrillService::copy).orElse(null));
        DrillPolicy after = before == null ? new DrillPolicy() : copy(before);
        after.cluster = cluster;
        after.tenant = tenant;
        after.cron = spec.schedule().cron();
        after.timeZone = spec.schedule().zone().getId();
        after.drillCluster = spec.drillCluster();
        after.drillPool = spec.drillPool();
        after.point = spec.point();
        after.secretName = spec.secretName();
        after.concurrency = spec.concurrency();
        after.timeLimit = spec.timeLimit() == null ? config.defaultTimeLimit() : spec.timeLimit();
        after.ownership = PolicyOwner.of(who);
        AuditAction action = before == null ? AuditAction.DRILL_POLICY_CREATE : AuditAction.DRILL_POLICY_CHANGE;
        return change(who, action, cluster, tenant, FieldDifference.between(fields(before), fields(after)), () -> {
            DrillPolicy stored = before == null ? new DrillPolicy() : DrillPolicy.findById(before.id);
            if (stored == null) {
                throw new UnknownDrillPolicyException(cluster, tenant);
            }
            copyInto(after, stored);
            LocalDateTime now = DrillRuns.utc(clock.instant());
            stored.updatedAt = now;
            if (before == null) {
                stored.createdAt = now;
                stored.persistAndFlush();
            }
            slots.schedule(stored);
            return stored;
        });
    }

    public void delete(Operator who, String cluster, String tenant) {
        admitted(who, AuditAction.DRILL_POLICY_DELETE, cluster, tenant, () -> {
            requireManage(who, cluster, tenant);
            return null;
        });
        DrillPolicy before = find(who, cluster, tenant);
        change(who, AuditAction.DRILL_POLICY_DELETE, cluster, tenant, FieldDifference.between(fields(before), Map.of()),
                () -> {
                    slots.unschedule(before.id);
                    DrillPolicy stored = DrillPolicy.findById(before.id);
                    if (stored != null) {
                        stored.delete();
                    }
                    return before;
                });
    }

    public DrillPolicyView pause(Operator who, String cluster, String tenant) {
        return setPaused(who, cluster, tenant, true);
    }

    public DrillPolicyView resume(Operator who, String cluster, String tenant) {
        return setPaused(who, cluster, tenant, false);
    }

    /** Paused: its trigger is removed and no slot is claimed until it is resumed. */
    private DrillPolicyView setPaused(Operator who, String cluster, String tenant, boolean paused) {
        AuditAction action = paused ? AuditAction.DRILL_POLICY_PAUSE : AuditAction.DRILL_POLICY_RESUME;
        admitted(who, action, cluster, tenant, () -> {
            requireManage(who, cluster, tenant);
            return null;
        });
        DrillPolicy before = find(who, cluster, tenant);
        return change(who, action, cluster, tenant, FieldDifference.between(Map.of("paused", String.valueOf(before.paused)),
                Map.of("paused", String.valueOf(paused))), () -> {
                    DrillPolicy stored = DrillPolicy.findById(before.id);
                    if (stored == null) {
                        throw new UnknownDrillPolicyException(cluster, tenant);
                    }
                    if (stored.paused != paused) {
                        stored.paused = paused;
                        stored.updatedAt = DrillRuns.utc(clock.instant());
                        slots.schedule(stored);
                    }
                    return stored;
                });
    }

    /** Claims a drill of the policy's tenants now, outside its schedule; the runs claimed, which the supervisor drives. */
    public List<DrillRunView> runNow(Operator who, String cluster, String tenant) {
        admitted(who, AuditAction.DRILL_RUN_NOW, cluster, tenant, () -> {
            requireManage(who, cluster, tenant);
            return null;
        });
        DrillPolicy policy = find(who, cluster, tenant);
        long intent = audit.recordIntent(new ActionIntent(who, AuditAction.DRILL_RUN_NOW, cluster, List.of(tenant),
                Map.of("policy", String.valueOf(policy.id)), UUID.randomUUID().toString()));
        List<Long> claimed = slots.claim(policy, clock.instant());
        audit.recordOutcome(intent, AuditOutcome.ACCEPTED, List.of(), null, null, List.of());
        slots.drive();
        return claimed.stream().map(id -> runs.run(id).map(DrillRunView::of).orElseThrow()).toList();
    }

    // ---- rules

    private void validate(DrillSpec spec) {
        spec.validate();
        spec.schedule().requireInterval(policies.minInterval(), clock.instant());
        gateway.settings(spec.drillCluster());
        if (gateway.dialect(spec.drillCluster()).mode() != ClusterMode.SYS) {
            throw new InvalidRequestException("Cluster " + spec.drillCluster() + " is configured with a tenant's account; "
                    + "a drill restores as root@sys", "A drill needs a sys-mode drill cluster");
        }
        if (spec.drillPool() != null) {
            gateway.dialect(spec.drillCluster()).pool(spec.drillPool(),
                    gateway.resourcePools(spec.drillCluster()).stream().map(ResourcePool::name).toList());
        }
        if (spec.secretName() != null && !secrets.exists(spec.secretName())) {
            throw new InvalidRequestException("No secret named '" + spec.secretName() + "' is configured: set the "
                    + "environment variable " + NamedSecrets.variable(spec.secretName()) + " or put a file of that name "
                    + "in the secrets directory of every console instance", "No secret of that name is configured");
        }
    }

    private boolean mayRead(Operator who, String cluster, String tenant) {
        return DrillPolicy.ALL_TENANTS.equals(tenant) ? permissions.canViewCluster(who, cluster)
                : permissions.canView(who, cluster, tenant);
    }

    private void requireRead(Operator who, AuditAction action, String cluster, String tenant) {
        admitted(who, action, cluster, tenant, () -> {
            gateway.settings(cluster);
            checkTenantName(tenant);
            if (!mayRead(who, cluster, tenant)) {
                throw new ActionForbiddenException(who.username() + " may not see the drills of " + tenant + " on cluster "
                        + cluster);
            }
            return null;
        });
    }

    /** Admins only; the tenant must be one of the cluster's user tenants (or '*'). */
    private void requireManage(Operator who, String cluster, String tenant) {
        gateway.settings(cluster);
        checkTenantName(tenant);
        if (!permissions.isAdmin(who) || !mayRead(who, cluster, tenant)) {
            throw new ActionForbiddenException(who.username() + " may not manage the restore drills of " + tenant
                    + " on cluster " + cluster + ": admins only");
        }
        if (!DrillPolicy.ALL_TENANTS.equals(tenant)) {
            gateway.dialect(cluster).tenant(tenant, gateway.snapshot(cluster).tenantNames());
        }
    }

    private static void checkTenantName(String tenant) {
        if (!DrillPolicy.ALL_TENANTS.equals(tenant)) {
            ObDialect.checkTenantName(tenant);
        }
    }

    private <T> T admitted(Operator who, AuditAction action, String cluster, String tenant, Supplier<T> checks) {
        return changes.admitted(who, action, cluster, tenant, checks);
    }

    private DrillPolicy find(Operator who, String cluster, String tenant) {
        requireRead(who, AuditAction.DRILL_POLICY_READ, cluster, tenant);
        return QuarkusTransaction.requiringNew().call(() -> DrillPolicy.of(cluster, tenant).map(DrillService::copy))
                .orElseThrow(() -> new UnknownDrillPolicyException(cluster, tenant));
    }

    /** Audits the intent, makes the change (row and trigger in one transaction), audits the outcome. */
    private DrillPolicyView change(Operator who, AuditAction action, String cluster, String tenant,
            Map<String, String> difference, Supplier<DrillPolicy> work) {
        DrillPolicyView changed = changes.change(who, action, cluster, tenant, difference, () -> view(work.get()));
        // whether a policy covers a tenant shows on the overview
        shown.fire(new TenantsChanged(cluster, Set.copyOf(DrillPolicy.ALL_TENANTS.equals(tenant)
                ? fleet.cluster(cluster).tenants().stream().map(t -> t.name()).toList() : List.of(tenant))));
        return changed;
    }

    private DrillPolicyView view(DrillPolicy p) {
        return DrillPolicyView.of(p, p.paused ? null : p.schedule().nextRuns(clock.instant(), 1).stream().findFirst()
                .orElse(null));
    }

    private static Map<String, String> fields(DrillPolicy p) {
        Map<String, String> f = new LinkedHashMap<>();
        if (p == null) {
            return f;
        }
        f.put("schedule", p.cron);
        f.put("timeZone", p.timeZone);
        f.put("drillCluster", p.drillCluster);
        f.put("drillPool", p.drillPool == null ? "created per run" : p.drillPool);
        f.put("point", String.valueOf(p.point));
        f.put("decryptionKeyName", p.secretName == null ? "none" : p.secretName);
        f.put("concurrency", p.concurrency == null ? "OceanBase's default" : p.concurrency.toString());
        f.put("timeLimit", String.valueOf(p.timeLimit));
        f.put("paused", String.valueOf(p.paused));
        f.put("owner", p.ownership.username);
        return f;
    }

    private static DrillPolicy copy(DrillPolicy p) {
        DrillPolicy c = new DrillPolicy();
        c.id = p.id;
        copyInto(p, c);
        c.createdAt = p.createdAt;
        c.updatedAt = p.updatedAt;
        return c;
    }

    private static void copyInto(DrillPolicy from, DrillPolicy to) {
        to.cluster = from.cluster;
        to.tenant = from.tenant;
        to.cron = from.cron;
        to.timeZone = from.timeZone;
        to.drillCluster = from.drillCluster;
        to.drillPool = from.drillPool;
        to.point = from.point;
        to.secretName = from.secretName;
        to.concurrency = from.concurrency;
        to.timeLimit = from.timeLimit;
        to.paused = from.paused;
        to.ownership = from.ownership == null ? null : from.ownership.copy();
    }
}
