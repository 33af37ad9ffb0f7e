package io.obconsole.backup;

import io.obconsole.cluster.ObError;

/**
 * A backup of the tenant is already running: who started it and when is in the message. Carries
 * OceanBase's 9036 when OceanBase itself said so (another console instance won the race).
 */
public class AlreadyRunningException extends RuntimeException {

    private final ObError error;

    public AlreadyRunningException(String message, ObError error) {
        super(message);
        this.error = error;
    }

    /** OceanBase's answer, or null when the console's own preflight saw the running job. */
    public ObError error() {
        return error;
    }
}
