package io.obconsole.backup;

/**
 * One failed check for one tenant: what is wrong in plain words, and the fix.
 *
 * @param blocking true if OceanBase would refuse (or, for all tenants, skip) the tenant; false if
 *                 it only needs the operator's acknowledgement
 */
public record PreflightFinding(String tenant, Check check, boolean blocking, String problem, String fix) {

    /** The checks a preflight makes, in the order an operator fixes them. */
    public enum Check {
        TENANT_NORMAL,
        ARCHIVE_DOING,
        BACKUP_DEST_SET,
        FULL_BACKUP_EXISTS,
        NOT_RUNNING,
        /** From sys only: an open job sys started makes OceanBase refuse every new backup from sys. */
        SYS_JOB_OPEN
    }

    /** The same finding about another tenant. */
    PreflightFinding forTenant(String other) {
        return new PreflightFinding(other, check, blocking, problem, fix);
    }
}
