package io.obconsole.access;

/**
 * The one place that decides what a person may see and do, asked alike by pages, the API and
 * the progress socket. Roles: {@code backup-viewer} reads what is in scope;
 * {@code backup-operator} also starts and cancels in scope (every tenant of a cluster only with
 * a {@code cluster/*} scope); {@code backup-admin} may do everything, including the audit chain
 * check; {@code restore-operator} reads what is in scope and restores into it.
 */
public interface Permissions {

    /** The person behind the current request (page, API call or socket message). */
    Operator current();

    boolean canView(Operator who, String cluster, String tenant);

    /** Whether {@code who} sees the cluster at all: it holds a tenant in their view scope. */
    boolean canViewCluster(Operator who, String cluster);

    boolean canOperate(Operator who, String cluster, String tenant);

    /** Whether {@code who} may start or cancel backups of some tenant of the cluster. */
    boolean canOperateInCluster(Operator who, String cluster);

    /** Whether {@code who} may act on every tenant of {@code cluster} at once. */
    boolean canOperateAllTenants(Operator who, String cluster);

    /**
     * Whether {@code who} may restore into {@code tenant} (a new tenant's name) on {@code cluster}, or
     * cancel or activate that tenant's restore: admins everywhere, {@code restore-operator} in scope.
     */
    boolean canRestore(Operator who, String cluster, String tenant);

    /** Whether {@code who} may restore some tenant into {@code cluster}: the target clusters a wizard offers. */
    boolean canRestoreInCluster(Operator who, String cluster);

    boolean isAdmin(Operator who);

    /**
     * Everything {@code who} may view, for lists filtered in the database (the audit query):
     * {@link TenantScope#ALL} for admins, {@link TenantScope#NONE} without a console role.
     */
    TenantScope viewScope(Operator who);
}
