package io.obconsole.backup;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;

/** The documented rules of {@link Permissions} in a few lines, for plain tests (the real one reads the token). */
final class FakePermissions implements Permissions {

    @Override
    public Operator current() {
        throw new UnsupportedOperationException("plain tests pass the operator");
    }

    @Override
    public boolean canView(Operator who, String cluster, String tenant) {
        return isAdmin(who) || who.scopes().contains(cluster + "/*") || who.scopes().contains(cluster + "/" + tenant);
    }

    @Override
    public boolean canOperate(Operator who, String cluster, String tenant) {
        return isAdmin(who) || who.roles().contains("backup-operator") && canView(who, cluster, tenant);
    }

    @Override
    public boolean canOperateAllTenants(Operator who, String cluster) {
        return isAdmin(who) || who.roles().contains("backup-operator") && who.scopes().contains(cluster + "/*");
    }

    @Override
    public boolean isAdmin(Operator who) {
        return who.roles().contains("backup-admin");
    }

    static Operator operator(String name, String role, String... scopes) {
        return new Operator(name, name + "-subject", java.util.Set.of(role), java.util.List.of(scopes), "127.0.0.1");
    }
}
