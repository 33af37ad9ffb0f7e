package io.obconsole.audit;

/** The audit database could not record an action, so the action must not run. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
