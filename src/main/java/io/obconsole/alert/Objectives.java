package io.obconsole.alert;

import io.obconsole.policy.FieldDifference;
import io.obconsole.policy.ObjectiveFigures;
import io.obconsole.policy.ObjectiveOverride;
import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.AuditAction;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.backup.InputValidation;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.UnknownTenantException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What pages and the API ask about objectives: the tenants a person may see, worst first; one
 * tenant with its timeline; an admin's change of a tenant's own objective. Reads come from the
 * board and the console database, never from a cluster.
 */
@ApplicationScoped
public class Objectives {

    private final ObjectiveBoard board;
    private final ObjectiveSettings settings;
    private final ObjectiveWatch watch;
    private final TenantStates states;
    private final ArchiveHistory archives;
    private final Permissions permissions;
    private final AlertAudit audit;

    private final InputValidation validation;

    public Objectives(ObjectiveBoard board, ObjectiveSettings settings, ObjectiveWatch watch, TenantStates states,
            ArchiveHistory archives, Permissions permissions, AlertAudit audit, InputValidation validation) {
        this.audit = audit;
        this.validation = validation;
        this.board = board;
        this.settings = settings;
        this.watch = watch;
        this.states = states;
        this.archives = archives;
        this.permissions = permissions;
    }

    /** The tenants {@code who} may view (of one cluster when not null), worst first. */
    public List<TenantObjective> visible(Operator who, String cluster) {
        if (permissions.viewScope(who).isEmpty()) {
            audit.forbidden(who, AuditAction.OBJECTIVES_READ, cluster == null ? "" : cluster, List.of(), "no console role or no tenant scope");
            throw new ActionForbiddenException("You have no console role or no tenant scope");
        }
        return board.visible(who, cluster);
    }

    /** One tenant's evaluation; refused outside {@code who}'s scope, unknown when the console has not seen it. */
    public TenantObjective one(Operator who, String cluster, String tenant) {
        if (!permissions.canView(who, cluster, tenant)) {
            audit.forbidden(who, AuditAction.OBJECTIVE_READ, cluster, List.of(tenant), "outside the person's scope");
            throw new ActionForbiddenException("You may not view tenant " + tenant + " of cluster " + cluster);
        }
        return board.of(cluster, tenant).orElseThrow(() -> new UnknownTenantException(cluster, tenant));
    }

    /** The tenant's evaluation if the console has one and {@code who} may see it (for pages that show it beside other things). */
    public Optional<TenantObjective> find(Operator who, String cluster, String tenant) {
        return permissions.canView(who, cluster, tenant) ? board.of(cluster, tenant) : Optional.empty();
    }

    /** The admin's own setting for the tenant, if any. */
    public Optional<ObjectiveOverride> ownSetting(String cluster, String tenant) {
        return settings.tenantSetting(cluster, tenant);
    }

    public RecoveryTimeline timeline(TenantObjective o) {
        LocalDateTime now = o.evaluatedAt();
        return RecoveryTimeline.of(now, states.backupSets(o.cluster(), o.tenant()),
                archives.since(o.cluster(), o.tenant(), now.minus(RecoveryTimeline.SPAN)), o.objective().maxBackupAge());
    }

    /**
     * Sets the tenant's own objectives (admins only): the recovery-point figures, the restore-time
     * objective and how recently a drill must have proven it restorable. A blank figure keeps the
     * cluster's default, all blank removes the tenant's own objective. Takes effect at once (a round runs).
     */
    public TenantObjective set(Operator who, String cluster, String tenant, String maxBackupAge, String maxFullAge,
            String maxArchiveLag, String maxRestoreTime, String provenWithin) {
        if (!permissions.isAdmin(who)) {
            audit.forbidden(who, AuditAction.OBJECTIVE_SET, cluster, List.of(tenant), "admins only");
            throw new ActionForbiddenException("Only admins may change a tenant's objectives");
        }
        one(who, cluster, tenant);
        ObjectiveOverride values;
        try {
            values = validation.valid(new ObjectiveFigures(maxBackupAge, maxFullAge, maxArchiveLag, maxRestoreTime,
                    provenWithin)).override();
        } catch (InvalidRequestException e) {
            audit.invalid(who, AuditAction.OBJECTIVE_SET, cluster, List.of(tenant), e);
            throw e;
        }
        // like a policy's: a first setting shows its values, a change "before → after", a reset "before → (deleted)"
        java.util.Map<String, String> before = settings.tenantSetting(cluster, tenant).map(Objectives::shown)
                .orElse(java.util.Map.of());
        audit.change(who, values.empty() ? AuditAction.OBJECTIVE_RESET : AuditAction.OBJECTIVE_SET, cluster, List.of(tenant),
                FieldDifference.between(before, values.empty() ? java.util.Map.of() : shown(values)), () -> {
                    settings.save(cluster, tenant, values, who.username());
                    return null;
                });
        watch.round();
        return one(who, cluster, tenant);
    }

    /** The figures as the audit trail shows them, for their difference. */
    private static java.util.Map<String, String> shown(ObjectiveOverride values) {
        java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
        shown.put("maxBackupAge", figure(values.maxBackupAge()));
        shown.put("maxFullAge", figure(values.maxFullAge()));
        shown.put("maxArchiveLag", figure(values.maxArchiveLag()));
        shown.put("maxRestoreTime", figure(values.maxRestoreTime()));
        shown.put("provenWithin", figure(values.provenWithin()));
        return shown;
    }

    /** A figure as the audit trail shows it: the ISO-8601 duration, or that the cluster's default applies. */
    private static String figure(java.time.Duration limit) {
        return limit == null ? "cluster default" : limit.toString();
    }
}
