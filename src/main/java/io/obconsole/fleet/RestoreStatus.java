package io.obconsole.fleet;

import io.obconsole.cluster.ViewWord;

/**
 * A restore's STATUS as OceanBase writes it (ob-restore-spec 2.1, 2.2): the sys row's and the new
 * tenant's row's words while it runs, SUCCESS or FAIL in the history. The one place that says
 * which still run and how each reads to a person.
 */
public enum RestoreStatus {
    CREATE_TENANT, WAIT_TENANT_RESTORE_FINISH, RESTORING, POST_CHECK, UPGRADE, RESTORE_SUCCESS, RESTORE_FAIL,
    SUCCESS, FAIL, UNKNOWN;

    public static RestoreStatus of(String text) {
        return ViewWord.of(RestoreStatus.class, text, UNKNOWN);
    }

    public boolean running() {
        return switch (this) {
            case CREATE_TENANT, WAIT_TENANT_RESTORE_FINISH, RESTORING, POST_CHECK, UPGRADE, UNKNOWN -> true;
            default -> false;
        };
    }

    public boolean succeeded() {
        return this == SUCCESS || this == RESTORE_SUCCESS;
    }

    /** The phase in an operator's words. */
    public String phase() {
        return switch (this) {
            case CREATE_TENANT -> "creating the tenant";
            case WAIT_TENANT_RESTORE_FINISH, RESTORING -> "restoring data and log";
            case POST_CHECK -> "checking";
            case UPGRADE -> "upgrading";
            case SUCCESS, RESTORE_SUCCESS -> "restored";
            case FAIL, RESTORE_FAIL -> "failed";
            case UNKNOWN -> "unknown";
        };
    }

    public String css() {
        return succeeded() ? "ok" : running() ? "info" : "bad";
    }
}
