package io.obconsole.demo.engine;

import java.util.List;

/** What the parser understood a statement to be; the session executes it. */
sealed interface Statement {

    /** Who a statement's {@code TENANT [=] ...} clause names; absent when there is no clause. */
    record TenantList(List<String> names, List<Token> tokens) {
        boolean names(String special) {
            return names.size() == 1 && names.get(0).equalsIgnoreCase(special);
        }
    }

    /** A SELECT (or WITH/parenthesised query) that H2 answers. */
    record Query(List<Token> tokens) implements Statement {
    }

    /** {@code ALTER SYSTEM BACKUP ...}; {@code tenants} is null for DATABASE. */
    record Backup(boolean incremental, TenantList tenants, boolean plusArchivelog, String description) implements Statement {
    }

    /** {@code ALTER SYSTEM CANCEL BACKUP [TENANT ...]}. */
    record CancelBackup(TenantList tenants) implements Statement {
    }

    /** {@code SET ENCRYPTION ON IDENTIFIED BY '...' ONLY}; toString hides the password. */
    record SetEncryption(String password) implements Statement {
        @Override
        public String toString() {
            return "SetEncryption[***]";
        }
    }

    /** {@code ALTER SYSTEM SET name = value [TENANT ...]}. */
    record SetParameter(String name, Token value, TenantList tenants) implements Statement {
    }

    /** {@code ALTER SYSTEM [NO]ARCHIVELOG [TENANT ...]}. */
    record ArchiveMode(boolean archive, TenantList tenants) implements Statement {
    }

    /** {@code ALTER SYSTEM ADD|DROP DELETE BACKUP POLICY 'name' [RECOVERY_WINDOW 'w'] [TENANT ...]}; window null for DROP. */
    record DeletePolicy(boolean add, String name, String recoveryWindow, TenantList tenants) implements Statement {
    }

    /** {@code SHOW PARAMETERS [LIKE 'x'] [TENANT = 'name']}. */
    record ShowParameters(String like, TenantList tenants) implements Statement {
    }

    /** {@code SHOW [GLOBAL|SESSION] VARIABLES [LIKE 'x' | WHERE ...]}; where holds the condition tokens. */
    record ShowVariables(String like, List<Token> where) implements Statement {
    }

    /** {@code SHOW WARNINGS}, {@code SHOW DATABASES}, {@code SHOW TABLES} and the like. */
    record ShowList(String what, String like) implements Statement {
    }

    /** {@code SET [SESSION|GLOBAL|@@...] name = value, ...} including {@code SET NAMES}. */
    record SetVariables(List<Assignment> assignments) implements Statement {
        record Assignment(String name, Object value) {
        }
    }

    /** {@code USE db}. */
    record Use(String schema) implements Statement {
    }

    /** {@code CALL schema.procedure(arg, ...)}: the demo's control surface ({@link DemoProcedures}); arguments as text. */
    record Call(String schema, String procedure, List<String> arguments) implements Statement {
    }

    /** Transaction control and other statements a client sends that change nothing here. */
    record NoOp() implements Statement {
    }

    /** {@code CREATE RESOURCE UNIT name k [=] v, ...}; keys upper-cased, values as written. */
    record CreateResourceUnit(String name, java.util.Map<String, String> options) implements Statement {

        /** A count such as MAX_CPU = 4 or 1.5; null when absent. */
        Double number(String key) throws io.obconsole.demo.sql.SqlError {
            String value = options.get(key);
            if (value == null) {
                return null;
            }
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw Errors.invalidResourceUnit();
            }
        }

        /** A size such as '8G', '512M' or a byte count; null when absent. */
        Long size(String key) throws io.obconsole.demo.sql.SqlError {
            String value = options.get(key);
            if (value == null) {
                return null;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(\\d+)([KMGT]?)B?").matcher(value.trim());
            if (!m.matches()) {
                throw Errors.invalidResourceUnit();
            }
            int shift = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
                case "K" -> 10;
                case "M" -> 20;
                case "G" -> 30;
                case "T" -> 40;
                default -> 0;
            };
            return Long.parseLong(m.group(1)) << shift;
        }
    }

    /** {@code CREATE RESOURCE POOL name UNIT [=] 'u', UNIT_NUM [=] n [, ZONE_LIST [=] ('z1', ...)]}; zones null = all. */
    record CreateResourcePool(String name, String unit, long unitNum, List<String> zones) implements Statement {
    }

    /** {@code DROP RESOURCE POOL name} or {@code DROP RESOURCE UNIT name}. */
    record DropResource(boolean pool, String name) implements Statement {
    }

    /** {@code SET DECRYPTION IDENTIFIED BY 'pw'[, 'pw2' ...]}; toString hides the passwords. */
    record SetDecryption(List<String> passwords) implements Statement {
        @Override
        public String toString() {
            return "SetDecryption[***]";
        }
    }

    /**
     * {@code ALTER SYSTEM RESTORE t FROM 'uris' [UNTIL TIME|SCN = v] WITH 'options' [DESCRIPTION [=] 'd']};
     * {@code untilTime} and {@code untilScn} are both null without UNTIL.
     */
    record Restore(String tenant, String uris, String untilTime, String untilScn, String options, String description)
            implements Statement {
    }

    /**
     * {@code DROP TENANT [IF EXISTS] t [FORCE | PURGE]}: with FORCE (or PURGE) at once; without, the
     * delayed drop of 4.x (no recycle bin): the tenant shows as DROPPING and keeps its pools.
     */
    record DropTenant(String tenant, boolean ifExists, boolean force) implements Statement {
    }

    /** {@code ALTER SYSTEM RESTORE FROM 'uris' UNTIL {TIME|SCN} = v PREVIEW}: one of time and scn is set. */
    record RestorePreview(String uris, String untilTime, String untilScn) implements Statement {
    }

    /** {@code SHOW RESTORE PREVIEW}. */
    record ShowRestorePreview() implements Statement {
    }

    /** {@code ALTER SYSTEM CANCEL RESTORE t}. */
    record CancelRestore(String tenant) implements Statement {
    }

    /** {@code ALTER SYSTEM ACTIVATE STANDBY [TENANT [=] t] [VERIFY]}; tenant null = the caller. */
    record ActivateStandby(String tenant, boolean verify) implements Statement {
    }
}
