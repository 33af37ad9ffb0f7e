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
        NOT_RUNNING
    }
}
