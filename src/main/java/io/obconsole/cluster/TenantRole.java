package io.obconsole.cluster;

/**
 * One user tenant as DBA_OB_TENANTS shows it now (ob-restore-spec 2.4): what a drill checks
 * (NORMAL/STANDBY after a restore) and what proves a tenant is the one a drill created (its id).
 *
 * @param status NORMAL, RESTORE, CREATING or DROPPING
 * @param role   PRIMARY, STANDBY or RESTORE (null while OceanBase has none)
 */
public record TenantRole(long id, String name, String status, String role) {

    /** Still being restored: CANCEL RESTORE, not DROP TENANT, is the way to remove it. */
    public boolean restoring() {
        return "RESTORE".equalsIgnoreCase(status);
    }
}
