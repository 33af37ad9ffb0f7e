package io.obconsole.backup;

/** The operator may not do this to these tenants; nothing was sent to the cluster. */
public class ActionForbiddenException extends RuntimeException {

    public ActionForbiddenException(String message) {
        super(message);
    }
}
