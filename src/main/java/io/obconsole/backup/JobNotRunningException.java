package io.obconsole.backup;

/** A cancel named a job that is not running (it ended, or never existed); nothing was sent to the cluster. */
public class JobNotRunningException extends RuntimeException {

    public JobNotRunningException(String message) {
        super(message);
    }
}
