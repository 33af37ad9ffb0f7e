package io.obconsole.backup;

import java.util.List;

/** Which tenants an action is for: a list of names, or every user tenant of the cluster. */
public record BackupScope(boolean all, List<String> tenants) {

    public BackupScope {
        tenants = all ? List.of() : List.copyOf(tenants == null ? List.of() : tenants);
    }

    public static BackupScope allTenants() {
        return new BackupScope(true, List.of());
    }

    public static BackupScope of(String... tenants) {
        return new BackupScope(false, List.of(tenants));
    }

    public static BackupScope of(List<String> tenants) {
        return new BackupScope(false, tenants);
    }

    /** As the audit trail records it: the names, or {@code ["*"]}. */
    public List<String> audited() {
        return all ? List.of("*") : tenants;
    }
}
