package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.Refusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The page resources' questions to {@link Permissions}, each a refusal when the answer is no:
 * the server decides every page and post, whatever the page showed.
 */
@ApplicationScoped
public class PageAccess {

    @Inject
    Permissions permissions;

    @Inject
    Refusals refusals;

    public Operator who() {
        return permissions.current();
    }

    public boolean canView(Operator who, String cluster, String tenant) {
        return permissions.canView(who, cluster, tenant);
    }

    public boolean canOperate(Operator who, String cluster, String tenant) {
        return permissions.canOperate(who, cluster, tenant);
    }

    public boolean canOperateInCluster(Operator who, String cluster) {
        return permissions.canOperateInCluster(who, cluster);
    }

    public boolean canOperateAllTenants(Operator who, String cluster) {
        return permissions.canOperateAllTenants(who, cluster);
    }

    /** Everything {@code who} may read, for lists filtered in the database; refused when that is nothing. */
    public io.obconsole.access.TenantScope requireViewScope(Operator who) {
        io.obconsole.access.TenantScope scope = permissions.viewScope(who);
        if (scope.isEmpty()) {
            throw new PageForbiddenException();
        }
        return scope;
    }

    public boolean isAdmin(Operator who) {
        return permissions.isAdmin(who);
    }

    /** Whether {@code who} may start or cancel anything at all: decides whether start buttons show. */
    public boolean operatesSomewhere(Operator who) {
        return permissions.isAdmin(who) || who.roles().contains("backup-operator") && !who.scopes().isEmpty();
    }

    public void requireView(Operator who, String cluster, String tenant) {
        if (!canView(who, cluster, tenant)) {
            throw refused(who, AuditAction.VIEW, cluster, List.of(tenant), "outside the person's tenant scope");
        }
    }

    public void requireOperate(Operator who, String cluster, String tenant) {
        if (!canOperate(who, cluster, tenant)) {
            throw refused(who, AuditAction.OPERATE, cluster, List.of(tenant), "outside the person's role or tenant scope");
        }
    }

    public void requireOperateAllTenants(Operator who, String cluster) {
        if (!canOperateAllTenants(who, cluster)) {
            throw refused(who, AuditAction.OPERATE, cluster, List.of("*"), "every tenant is outside the person's role or scope");
        }
    }

    public void requireAdmin(Operator who) {
        if (!isAdmin(who)) {
            throw refused(who, AuditAction.ADMIN, "", List.of(), "admins only");
        }
    }

    /** Every page refusal lands on the audit trail (rate-limited per person) before the 403 page. */
    private PageForbiddenException refused(Operator who, AuditAction action, String cluster, List<String> tenants,
            String reason) {
        refusals.forbidden(who, action, cluster, tenants, reason);
        return new PageForbiddenException();
    }
}
