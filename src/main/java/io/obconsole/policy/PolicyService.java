package io.obconsole.policy;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.Refusals;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.cluster.BackupType;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ObDialect;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Creates, changes, pauses, resumes and deletes backup policies: admins and operators for the
 * tenants they may operate, viewers read. Every change is recorded in the audit trail before it is
 * made, with the difference; the policy row and its Quartz triggers change in one transaction.
 */
@ApplicationScoped
public class PolicyService {

    private static final int NEXT_RUNS = 5;

    private final Permissions permissions;
    private final ClusterGateway gateway;
    private final PolicyTriggers triggers;
    private final PolicyRuns runs;
    private final NamedSecrets secrets;
    private final PolicyConfig config;
    private final AuditedChanges changes;
    private final Event<PolicyChanged> changed;
    private final Clock clock;

    @Inject
    public PolicyService(Permissions permissions, AuditTrail audit, ClusterGateway gateway, PolicyTriggers triggers,
            PolicyRuns runs, NamedSecrets secrets, PolicyConfig config, Refusals refusals, Event<PolicyChanged> changed) {
        this.changes = new AuditedChanges(audit, refusals);
        this.changed = changed;
        this.permissions = permissions;
        this.gateway = gateway;
        this.triggers = triggers;
        this.runs = runs;
        this.secrets = secrets;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** The policies {@code who} may see. */
    public List<PolicyView> list(Operator who) {
        return QuarkusTransaction.requiringNew().call(() -> BackupPolicy.all().stream()
                .filter(p -> permissions.canView(who, p.cluster, p.tenant)).map(this::view).toList());
    }

    public PolicyView get(Operator who, String cluster, String tenant) {
        return view(find(who, cluster, tenant));
    }

    /** The policy's runs, newest first. */
    public List<PolicyRunView> runs(Operator who, String cluster, String tenant, int limit) {
        BackupPolicy policy = find(who, cluster, tenant);
        return runs.recent(policy.id, Math.max(1, Math.min(limit, 500))).stream().map(PolicyRunView::of).toList();
    }

    /**
     * Creates the tenant's policy or replaces it whole; the one who saves it becomes its owner.
     * {@code request} reads what was sent (schedules, zone, objective) once the person may manage the
     * policy, so that input it refuses is audited like every other invalid request.
     */
    public PolicyView save(Operator who, String cluster, String tenant, Supplier<PolicySpec> request) {
        Instant now = clock.instant();
        PolicySpec spec = admitted(who, AuditAction.POLICY_SAVE, cluster, tenant, () -> {
            requireManage(who, cluster, tenant);
            PolicySpec read = request.get();
            validate(read, now);
            return read;
        });
        requireTenant(cluster, tenant);
        BackupPolicy before = QuarkusTransaction.requiringNew().call(() -> BackupPolicy.of(cluster, tenant)
                .map(PolicyService::copy).orElse(null));
        BackupPolicy after = before == null ? new BackupPolicy() : copy(before);
        after.cluster = cluster;
        after.tenant = tenant;
        after.fullCron = spec.full() == null ? null : spec.full().cron();
        after.incrementalCron = spec.incremental() == null ? null : spec.incremental().cron();
        after.timeZone = (spec.full() != null ? spec.full() : spec.incremental()).zone().getId();
        after.concurrency = spec.concurrency();
        after.plusArchivelog = spec.plusArchivelog();
        after.descriptionTemplate = blankToNull(spec.descriptionTemplate());
        after.secretName = spec.secretName();
        after.objective(spec.objective());
        after.ownership = PolicyOwner.of(who);
        AuditAction action = before == null ? AuditAction.POLICY_CREATE : AuditAction.POLICY_CHANGE;
        PolicyView saved = change(who, action, cluster, tenant, difference(before, after), () -> {
            BackupPolicy stored = before == null ? new BackupPolicy() : BackupPolicy.findById(before.id);
            if (stored == null) {
                throw new UnknownPolicyException(cluster, tenant);
            }
            copyInto(after, stored);
            LocalDateTime utcNow = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            stored.scheduleSince = utcNow;
            stored.updatedAt = utcNow;
            if (before == null) {
                stored.createdAt = utcNow;
                stored.persistAndFlush();
            }
            triggers.schedule(stored);
            return stored;
        });
        changed.fire(new PolicyChanged(cluster, tenant));
        return saved;
    }

    /** What a policy must be before anything is recorded: schedules far enough apart, a configured secret, a valid description. */
    private void validate(PolicySpec spec, Instant now) {
        spec.validate();
        for (Schedule schedule : new Schedule[] { spec.full(), spec.incremental() }) {
            if (schedule != null) {
                schedule.requireInterval(config.minInterval(), now);
            }
        }
        if (spec.secretName() != null && !secrets.exists(spec.secretName())) {
            throw new InvalidRequestException("No secret named '" + spec.secretName() + "' is configured: set the "
                    + "environment variable " + NamedSecrets.variable(spec.secretName()) + " or put a file of that name "
                    + "in the secrets directory of every console instance", "No secret of that name is configured");
        }
        if (spec.descriptionTemplate() != null) {
            BackupPolicy sample = new BackupPolicy();
            sample.id = 0L;
            sample.descriptionTemplate = spec.descriptionTemplate();
            ObDialect.checkDescription(PolicyRunner.description(sample, BackupType.INCREMENTAL, now));
        }
    }

    /** Runs the checks; a refusal (forbidden or invalid) is recorded as such, rate-limited per person. */
    private void admit(Operator who, AuditAction action, String cluster, String tenant, Runnable checks) {
        admitted(who, action, cluster, tenant, () -> {
            checks.run();
            return null;
        });
    }

    /** The same, for checks that also read the request: returns what they read. */
    private <T> T admitted(Operator who, AuditAction action, String cluster, String tenant, Supplier<T> checks) {
        return changes.admitted(who, action, cluster, tenant, checks);
    }

    public PolicyView pause(Operator who, String cluster, String tenant) {
        return setPaused(who, cluster, tenant, true);
    }

    public PolicyView resume(Operator who, String cluster, String tenant) {
        return setPaused(who, cluster, tenant, false);
    }

    public void delete(Operator who, String cluster, String tenant) {
        admit(who, AuditAction.POLICY_DELETE, cluster, tenant, () -> requireManage(who, cluster, tenant));
        BackupPolicy before = find(who, cluster, tenant);
        change(who, AuditAction.POLICY_DELETE, cluster, tenant, difference(before, null), () -> {
            BackupPolicy stored = BackupPolicy.findById(before.id);
            triggers.unschedule(before.id);
            if (stored != null) {
                stored.delete();
            }
            return before;
        });
        changed.fire(new PolicyChanged(cluster, tenant));
    }

    private PolicyView setPaused(Operator who, String cluster, String tenant, boolean paused) {
        admit(who, paused ? AuditAction.POLICY_PAUSE : AuditAction.POLICY_RESUME, cluster, tenant, () -> requireManage(who, cluster, tenant));
        BackupPolicy before = find(who, cluster, tenant);
        Map<String, String> difference = new LinkedHashMap<>();
        difference.put("paused", before.paused + " → " + paused);
        return change(who, paused ? AuditAction.POLICY_PAUSE : AuditAction.POLICY_RESUME, cluster, tenant, difference, () -> {
            BackupPolicy stored = BackupPolicy.findById(before.id);
            if (stored == null) {
                throw new UnknownPolicyException(cluster, tenant);
            }
            if (stored.paused != paused) {
                stored.paused = paused;
                LocalDateTime utcNow = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                stored.updatedAt = utcNow;
                if (!paused) {
                    // slots that passed while paused were not missed: nothing is owed for them
                    stored.scheduleSince = utcNow;
                }
                triggers.schedule(stored);
            }
            return stored;
        });
    }

    /** Audits the intent, makes the change (policy row and triggers in one transaction), audits the outcome. */
    private PolicyView change(Operator who, AuditAction action, String cluster, String tenant, Map<String, String> difference,
            Supplier<BackupPolicy> work) {
        return changes.change(who, action, cluster, tenant, difference, () -> view(work.get()));
    }

    private BackupPolicy find(Operator who, String cluster, String tenant) {
        admit(who, AuditAction.POLICY_READ, cluster, tenant, () -> {
            gateway.settings(cluster);
            checkTenantName(tenant);
            if (!permissions.canView(who, cluster, tenant)) {
                throw new ActionForbiddenException(who.username() + " may not see the policies of " + label(tenant)
                        + " on cluster " + cluster);
            }
        });
        return QuarkusTransaction.requiringNew().call(() -> BackupPolicy.of(cluster, tenant).map(PolicyService::copy))
                .orElseThrow(() -> new UnknownPolicyException(cluster, tenant));
    }

    private void requireManage(Operator who, String cluster, String tenant) {
        gateway.settings(cluster);
        checkTenantName(tenant);
        boolean allowed = BackupPolicy.ALL_TENANTS.equals(tenant) ? permissions.canOperateAllTenants(who, cluster)
                : permissions.canOperate(who, cluster, tenant);
        if (!allowed) {
            throw new ActionForbiddenException(who.username() + " may not manage the backup policy of " + label(tenant)
                    + " on cluster " + cluster);
        }
    }

    /** The tenant must be one of the cluster's own user tenants (read from the cluster when saving). */
    private void requireTenant(String cluster, String tenant) {
        if (!BackupPolicy.ALL_TENANTS.equals(tenant)) {
            gateway.dialect(cluster).tenant(tenant, gateway.snapshot(cluster).tenantNames());
        }
    }

    private static void checkTenantName(String tenant) {
        if (!BackupPolicy.ALL_TENANTS.equals(tenant)) {
            ObDialect.checkTenantName(tenant);
        }
    }

    private PolicyView view(BackupPolicy p) {
        return new PolicyView(p.id, p.cluster, p.tenant, PolicyView.ScheduleView.of(p.schedule(BackupType.FULL).orElse(null)),
                PolicyView.ScheduleView.of(p.schedule(BackupType.INCREMENTAL).orElse(null)), p.timeZone, p.concurrency,
                p.plusArchivelog, p.descriptionTemplate, p.secretName, PolicyView.PolicyObjective.of(p.objective()), p.paused,
                p.ownership.username,
                p.updatedAt == null ? null : p.updatedAt.toInstant(ZoneOffset.UTC),
                p.paused ? List.of() : nextRuns(p, clock.instant()));
    }

    /**
     * The next five runs of both schedules in time order, each schedule's next one among them even
     * when the other runs so often that its five would fill the list.
     */
    static List<PolicyView.NextRun> nextRuns(BackupPolicy p, Instant now) {
        List<PolicyView.NextRun> merged = new ArrayList<>();
        List<PolicyView.NextRun> firsts = new ArrayList<>();
        for (BackupType kind : BackupType.values()) {
            List<Instant> runs = p.schedule(kind).map(s -> s.nextRuns(now, NEXT_RUNS)).orElse(List.of());
            runs.forEach(at -> merged.add(new PolicyView.NextRun(kind, at)));
            if (!runs.isEmpty()) {
                firsts.add(new PolicyView.NextRun(kind, runs.get(0)));
            }
        }
        merged.sort(Comparator.comparing(PolicyView.NextRun::at));
        List<PolicyView.NextRun> shown = new ArrayList<>(merged.subList(0, Math.min(NEXT_RUNS, merged.size())));
        for (PolicyView.NextRun first : firsts) {
            if (!shown.contains(first)) {
                shown.set(shown.size() - 1, first);
            }
        }
        shown.sort(Comparator.comparing(PolicyView.NextRun::at));
        return List.copyOf(shown);
    }

    /** What changed, field by field, as the audit trail shows it ("before → after"; secrets appear by name only). */
    static Map<String, String> difference(BackupPolicy before, BackupPolicy after) {
        return FieldDifference.between(fields(before), fields(after));
    }

    private static Map<String, String> fields(BackupPolicy p) {
        Map<String, String> f = new LinkedHashMap<>();
        if (p == null) {
            return f;
        }
        f.put("fullSchedule", p.fullCron == null ? "none" : p.fullCron);
        f.put("incrementalSchedule", p.incrementalCron == null ? "none" : p.incrementalCron);
        f.put("timeZone", p.timeZone);
        f.put("concurrency", p.concurrency == null ? "unchanged" : p.concurrency.toString());
        f.put("plusArchivelog", String.valueOf(p.plusArchivelog));
        f.put("descriptionTemplate", p.descriptionTemplate == null ? "" : p.descriptionTemplate);
        f.put("encryptionKeyName", p.secretName == null ? "none" : p.secretName);
        f.put("maxBackupAge", figure(p.maxBackupAge));
        f.put("maxFullAge", figure(p.maxFullAge));
        f.put("maxArchiveLag", figure(p.maxArchiveLag));
        f.put("paused", String.valueOf(p.paused));
        f.put("owner", p.ownership.username);
        return f;
    }

    /** An objective figure as the audit trail shows it: not set by the policy, or the ISO-8601 duration. */
    private static String figure(java.time.Duration limit) {
        return limit == null ? "not set" : limit.toString();
    }

    private static BackupPolicy copy(BackupPolicy p) {
        BackupPolicy c = new BackupPolicy();
        c.id = p.id;
        copyInto(p, c);
        c.scheduleSince = p.scheduleSince;
        c.createdAt = p.createdAt;
        c.updatedAt = p.updatedAt;
        return c;
    }

    private static void copyInto(BackupPolicy from, BackupPolicy to) {
        to.cluster = from.cluster;
        to.tenant = from.tenant;
        to.fullCron = from.fullCron;
        to.incrementalCron = from.incrementalCron;
        to.timeZone = from.timeZone;
        to.concurrency = from.concurrency;
        to.plusArchivelog = from.plusArchivelog;
        to.descriptionTemplate = from.descriptionTemplate;
        to.secretName = from.secretName;
        to.maxBackupAge = from.maxBackupAge;
        to.maxFullAge = from.maxFullAge;
        to.maxArchiveLag = from.maxArchiveLag;
        to.paused = from.paused;
        to.ownership = from.ownership == null ? null : from.ownership.copy();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String label(String tenant) {
        return BackupPolicy.ALL_TENANTS.equals(tenant) ? "every tenant" : tenant;
    }
}
