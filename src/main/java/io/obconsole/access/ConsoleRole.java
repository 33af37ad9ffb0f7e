package io.obconsole.access;

/** The Keycloak realm roles the console knows; any other role grants nothing here. */
public final class ConsoleRole {

    public static final String VIEWER = "backup-viewer";
    public static final String OPERATOR = "backup-operator";
    public static final String ADMIN = "backup-admin";
    /** Restores tenants in scope (a new tenant of a cluster it covers, from a tenant it may see); starts no backup. */
    public static final String RESTORE_OPERATOR = "restore-operator";

    private ConsoleRole() {
    }
}
