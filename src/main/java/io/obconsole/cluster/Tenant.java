package io.obconsole.cluster;

/** A user tenant as the cluster lists it: id, name, compatibility mode (MYSQL/ORACLE) and status (NORMAL, RESTORE, ...). */
public record Tenant(long id, String name, String mode, String status) {

    public boolean normal() {
        return "NORMAL".equals(status);
    }
}
