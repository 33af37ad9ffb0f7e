package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;

/**
 * Every error the demo cluster answers, with the code, SQLSTATE and text of spec section 4, kept
 * in one place so a reader can hold them against the spec line by line.
 */
final class Errors {

    static final String ARCHIVE_NOT_DOING = "backup can not start, because log archive status is not doing.";
    static final String DEST_NOT_SET = "backup can not start, because backup dest is not set.";
    static final String DEST_NOT_SET_USER_TENANT = "backup can not start";
    static final String TENANT_NOT_NORMAL = "backup can not start, because tenant status is not normal.";
    static final String NO_TENANT_QUALIFIES = "backup can not start, because no tenant meets the backup condition, "
            + "please check the tenant status, log archive status, backup data dest, and backup status for each tenant";

    private Errors() {
    }

    /** 1064 quoting the statement from {@code offset} on, as MySQL does (at most 80 characters). */
    static SqlError syntax(String sql, int offset) {
        int from = Math.min(Math.max(offset, 0), sql.length());
        String near = sql.substring(from);
        if (near.length() > 80) {
            near = near.substring(0, 80);
        }
        int line = 1;
        for (int i = 0; i < from; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return new SqlError(1064, "42000", "You have an error in your SQL syntax; check the manual that corresponds to your "
                + "OceanBase version for the right syntax to use near '" + near + "' at line " + line);
    }

    static SqlError backupCannotStart(String text) {
        return new SqlError(9040, text);
    }

    static SqlError backupInProgress() {
        return new SqlError(9036, "Backup is in progress");
    }

    static SqlError unknownTenant() {
        return new SqlError(5160, "invalid tenant name specified in connection string");
    }

    static SqlError internal() {
        return new SqlError(4016, "Internal error");
    }

    static SqlError userTenantCannotNameTenants() {
        return new SqlError(1235, "0A000", "user tenant cannot specify tenant names not supported");
    }

    static SqlError notSupported() {
        return new SqlError(1235, "0A000", "Not supported feature or function");
    }

    static SqlError noAlterSystem() {
        return new SqlError(1227, "42501",
                "Access denied; you need (at least one of) the ALTER SYSTEM privilege(s) for this operation");
    }

    /** Spec: text unconfirmed; kept here so it changes in one place. */
    static SqlError invalidConfig() {
        return new SqlError(4147, "Invalid config");
    }

    /** Unconfirmed: the code for ARCHIVELOG without LOG_ARCHIVE_DEST; isolated here so it changes in one place. */
    static SqlError archiveDestNotSet() {
        return internal();
    }

    static SqlError alreadyArchivelog() {
        return new SqlError(9091, "Already in ARCHIVELOG mode");
    }

    static SqlError alreadyNoArchivelog() {
        return new SqlError(9092, "Already in NOARCHIVELOG mode");
    }

    static SqlError policyNameNotDefault() {
        return new SqlError(1235, "0A000", "The policy name is not 'default', it is not supported");
    }

    static SqlError tooLittleTenantNames() {
        return new SqlError(1235, "0A000", "Too little tenant names specified, only one tenant name can be specified not supported");
    }

    static SqlError tooManyTenantNames() {
        return new SqlError(1235, "0A000", "Too many tenant names specified, only one tenant name can be specified not supported");
    }

    /** Unconfirmed: what ADD answers when the tenant already has its policy (OB_ENTRY_EXIST); isolated here. */
    static SqlError deletePolicyExists() {
        return new SqlError(4011, "Entry already exist");
    }

    /** Unconfirmed: what DROP answers when the tenant has no policy (OB_ENTRY_NOT_EXIST); isolated here. */
    static SqlError deletePolicyMissing() {
        return new SqlError(4018, "Entry not exist");
    }

    /** Unconfirmed: a RECOVERY_WINDOW that is not a time such as '7d' (OB_INVALID_ARGUMENT); isolated here. */
    static SqlError invalidRecoveryWindow() {
        return new SqlError(4002, "Invalid argument");
    }

    /** ob_errno.def OB_INVALID_BACKUP_DEST (-9026): a destination OceanBase cannot parse (unknown scheme, ...). */
    static SqlError invalidBackupDest() {
        return new SqlError(9026, "backup destination is not valid");
    }

    /** ob_errno.def OB_BACKUP_FORMAT_FILE_NOT_EXIST (-9080): files there, but none of OceanBase's format files. */
    static SqlError destNotEmpty() {
        return new SqlError(9080, "the format file does not exist under the destination");
    }

    /** ob_errno.def OB_BACKUP_FORMAT_FILE_NOT_MATCH (-9081): the destination belongs to another tenant or use. */
    static SqlError destOfAnother() {
        return new SqlError(9081, "the content of the format file at the destination does not match");
    }

    /** Unconfirmed text: OB_OP_NOT_ALLOW (-4179) for changing LOG_ARCHIVE_DEST while the tenant archives. */
    static SqlError archiveDestWhileArchiving() {
        return new SqlError(4179, "modify log_archive_dest while log archive is in progress not allowed");
    }

    static SqlError unknownTable(String schema, String table) {
        return new SqlError(1146, "42S02", "Table '" + schema + "." + table + "' doesn't exist");
    }

    static SqlError unknownColumn(String column, String clause) {
        return new SqlError(1054, "42S22", "Unknown column '" + column + "' in '" + clause + "'");
    }

    static SqlError unknownDatabase(String name) {
        return new SqlError(1049, "42000", "Unknown database '" + name + "'");
    }

    static SqlError unknownSystemVariable(String name) {
        return new SqlError(1193, "HY000", "Unknown system variable '" + name + "'");
    }

    // ---- resource units and pools (ob_errno.def texts)

    static SqlError resourceUnitMissing(String name) {
        return new SqlError(4648, "resource unit '" + name + "' not exist");
    }

    static SqlError resourceUnitExists(String name) {
        return new SqlError(4649, "resource unit '" + name + "' already exist");
    }

    static SqlError resourcePoolMissing(String name) {
        return new SqlError(4650, "resource pool '" + name + "' not exist");
    }

    static SqlError resourcePoolExists(String name) {
        return new SqlError(4651, "resource pool '" + name + "' exist");
    }

    static SqlError resourcePoolGranted(String name) {
        return new SqlError(4626, "resource pool '" + name + "' has already been granted to a tenant");
    }

    static SqlError resourceUnitReferenced(String name) {
        return new SqlError(4634, "resource unit '" + name + "' is referenced by some resource pool");
    }

    /** OB_RESOURCE_UNIT_VALUE_INVALID: a unit without MAX_CPU/MEMORY_SIZE or with values OceanBase refuses. */
    static SqlError invalidResourceUnit() {
        return new SqlError(4736, "resource unit value is invalid");
    }

    static SqlError unitNumOverServerCount() {
        return new SqlError(4656, "resource pool unit num is bigger than zone server count");
    }

    /** OB_ZONE_INFO_NOT_EXIST (code read next to -4531 in ob_errno.def; unconfirmed). */
    static SqlError zoneNotExist(String zone) {
        return new SqlError(4530, "Zone info '" + zone + "' not exist");
    }

    /** OB_ZONE_RESOURCE_NOT_ENOUGH; the last line (which resource of which server) is the demo's wording. */
    static SqlError zoneResourceNotEnough(String zone, String reason) {
        return new SqlError(4733, "zone '" + zone + "' resource not enough to hold 1 unit. You can check resource info "
                + "by views: DBA_OB_UNITS, GV$OB_UNITS, GV$OB_SERVERS.\n" + reason);
    }

    // ---- restore (ob-restore-spec section 4)

    static SqlError restoreTenantExists() {
        return new SqlError(4179, "restore tenant with existed tenant name is not allowed");
    }

    static SqlError restoreInProgress() {
        return new SqlError(9014, "Another restore is in progress");
    }

    /** OB_EMPTY_RESOURCE_POOL_LIST: the option string has no pool_list (the spec says only that it is required). */
    static SqlError emptyPoolList() {
        return new SqlError(4647, "resource pool list is empty");
    }

    static SqlError badRestoreConcurrency() {
        return new SqlError(1210, "Incorrect arguments to restore concurrency");
    }

    /** Unconfirmed text: a method other than full|quick (4.3.3+). */
    static SqlError badRestoreMethod() {
        return new SqlError(1210, "Incorrect arguments to restore method");
    }

    static SqlError badUntilScn() {
        return new SqlError(1210, "Incorrect arguments to until scn, it should be positive integer");
    }

    /** Unconfirmed text: an UNTIL TIME that is not 'YYYY-MM-DD HH24:MI:SS[.FF]'. */
    static SqlError badUntilTime() {
        return new SqlError(1210, "Incorrect arguments to until time");
    }

    /** OB_INVALID_BACKUP_DEST with the restore URI parser's text. */
    static SqlError invalidRestoreUri(String uri) {
        return new SqlError(9026, uri + " is not a valid uri");
    }

    static SqlError multipleTenantBackupPaths() {
        return new SqlError(1235, "0A000", "It is not support to restore from multiple tenant backup paths. not supported");
    }

    static SqlError differentTenantsMixed() {
        return new SqlError(4179, "restoring backupsets of different tenants not allowed");
    }

    /**
     * OB_RESTORE_SOURCE_NOT_ENOUGH (-9119) with its text; clusters before 4.2.1 answer OB_ENTRY_NOT_EXIST on
     * these paths (the version where -9119 arrived is the demo's reading, isolated here).
     */
    static SqlError restoreSourceNotEnough(Cluster cluster, String text) {
        return cluster.versionAtLeast("4.2.1") ? new SqlError(9119, text) : new SqlError(4018, "Entry not exist");
    }

    static SqlError invalidBackupPassword() {
        return new SqlError(9047, "invalid password for backup");
    }

    static SqlError nonSysDecryption() {
        return new SqlError(1235, "0A000", "non-sys tenant set decryption is not supported");
    }

    /** RESTORE PREVIEW before 4.2.3 and on 4.3.0/4.3.1 (an older executor's answer, ob-restore-spec 1.2). */
    static SqlError restorePreviewNotSupported() {
        return new SqlError(1235, "0A000", "restore preview is not support now");
    }

    /** SHOW RESTORE PREVIEW with no PREVIEW before it in the session (ob_tenant_show_restore_preview.cpp). */
    static SqlError noRestorePreview() {
        return new SqlError(1235, "0A000", "show restore preview before ALTER SYSTEM RESTORE PREVIEW is not supported");
    }

    /** SHOW RESTORE PREVIEW in a user tenant: OB_OP_NOT_ALLOW. */
    static SqlError restorePreviewInUserTenant() {
        return new SqlError(4179, "SHOW RESTORE PREVIEW in user tenant is not allowed");
    }

    static SqlError cancelRestoreNotSupported() {
        return new SqlError(1235, "0A000", "cancel restore is not supported");
    }

    /** OB_TENANT_NOT_EXIST (inferred by the spec for CANCEL RESTORE of an unknown name). */
    static SqlError tenantNotExist(String name) {
        return new SqlError(5157, "Unknown tenant '" + name + "'");
    }

    /** Unconfirmed text: CANCEL RESTORE of a tenant that is not restoring (drop_only_in_restore). */
    static SqlError dropTenantNotInRestore() {
        return new SqlError(4179, "drop tenant not in restore is not allowed");
    }

    /** Unconfirmed text: ACTIVATE of a tenant whose role is not STANDBY. */
    static SqlError activateNotStandby() {
        return new SqlError(4179, "tenant is not standby, activate standby tenant is not allowed");
    }

    /** Unconfirmed text: a quick-restored tenant cannot be activated (docs V4.3.3). */
    static SqlError activateQuickRestored() {
        return new SqlError(4179, "activate standby tenant restored with quick method is not allowed");
    }

    /** OB_TIMEOUT: the new tenant did not exist within the 10 minutes RESTORE waits. */
    static SqlError timeout() {
        return new SqlError(4012, "Timeout");
    }
}
