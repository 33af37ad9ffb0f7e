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
}
