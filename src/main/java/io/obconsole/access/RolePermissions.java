package io.obconsole.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The role × scope rules of the console, applied to an {@link Operator}: viewers read in scope,
 * operators also start and cancel in scope ("all tenants" only with {@code cluster/*}), restore
 * operators read and restore in scope, admins do everything. Someone with no console role sees nothing, whatever their scopes say.
 */
@ApplicationScoped
public class RolePermissions implements Permissions {

    private final SignedInOperator signedIn;

    @Inject
    public RolePermissions(SignedInOperator signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public Operator current() {
        return signedIn.operator();
    }

    @Override
    public boolean canView(Operator who, String cluster, String tenant) {
        return viewScope(who).covers(cluster, tenant);
    }

    @Override
    public boolean canViewCluster(Operator who, String cluster) {
        return viewScope(who).reaches(cluster);
    }

    @Override
    public boolean canOperate(Operator who, String cluster, String tenant) {
        return operateScope(who).covers(cluster, tenant);
    }

    @Override
    public boolean canOperateInCluster(Operator who, String cluster) {
        return operateScope(who).reaches(cluster);
    }

    @Override
    public boolean canOperateAllTenants(Operator who, String cluster) {
        return operateScope(who).coversWholeCluster(cluster);
    }

    @Override
    public boolean canRestore(Operator who, String cluster, String tenant) {
        return restoreScope(who).covers(cluster, tenant);
    }

    @Override
    public boolean canRestoreInCluster(Operator who, String cluster) {
        return restoreScope(who).reaches(cluster);
    }

    @Override
    public boolean isAdmin(Operator who) {
        return has(who, ConsoleRole.ADMIN);
    }

    @Override
    public TenantScope viewScope(Operator who) {
        if (isAdmin(who)) {
            return TenantScope.ALL;
        }
        if (has(who, ConsoleRole.VIEWER) || has(who, ConsoleRole.OPERATOR) || has(who, ConsoleRole.RESTORE_OPERATOR)) {
            return TenantScope.of(who.scopes());
        }
        return TenantScope.NONE;
    }

    private TenantScope operateScope(Operator who) {
        if (isAdmin(who)) {
            return TenantScope.ALL;
        }
        return has(who, ConsoleRole.OPERATOR) ? TenantScope.of(who.scopes()) : TenantScope.NONE;
    }

    /** Restoring is its own right: a backup operator does not restore unless they also hold restore-operator. */
    private TenantScope restoreScope(Operator who) {
        if (isAdmin(who)) {
            return TenantScope.ALL;
        }
        return has(who, ConsoleRole.RESTORE_OPERATOR) ? TenantScope.of(who.scopes()) : TenantScope.NONE;
    }

    private static boolean has(Operator who, String role) {
        return who != null && who.roles() != null && who.roles().contains(role);
    }
}
