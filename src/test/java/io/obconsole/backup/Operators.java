package io.obconsole.backup;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.access.RolePermissions;
import java.util.List;
import java.util.Set;

/** The demo realm's people as plain tests need them, judged by the console's real role × scope rules. */
final class Operators {

    static final Operator ADA = operator("ada", "backup-admin", "demo/*");
    static final Operator OTTO = operator("otto", "backup-operator", "demo/mysql_tenant");
    static final Operator OLGA = operator("olga", "backup-operator", "demo/*");
    static final Operator VERA = operator("vera", "backup-viewer", "demo/*");

    private Operators() {
    }

    /** The real rules; only {@code current()} needs a request, and plain tests pass the operator instead. */
    static Permissions permissions() {
        return new RolePermissions(null);
    }

    private static Operator operator(String name, String role, String... scopes) {
        return new Operator(name, name + "-subject", Set.of(role), List.of(scopes), "127.0.0.1");
    }
}
