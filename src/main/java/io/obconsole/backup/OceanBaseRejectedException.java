package io.obconsole.backup;

import io.obconsole.cluster.ObError;

/** OceanBase refused the action; its number and text are kept as sent (the failure catalogue explains them). */
public class OceanBaseRejectedException extends RuntimeException {

    private final ObError error;

    public OceanBaseRejectedException(ObError error) {
        super("OceanBase refused the action: error " + error.code() + " (" + error.text() + ")");
        this.error = error;
    }

    public ObError error() {
        return error;
    }
}
