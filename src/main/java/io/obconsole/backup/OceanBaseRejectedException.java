package io.obconsole.backup;

import io.obconsole.cluster.ObError;

/** OceanBase refused the action; its number and text are kept, with an explanation and the next step. */
public class OceanBaseRejectedException extends RuntimeException {

    private final ObError error;
    private final ObExplanation explanation;

    public OceanBaseRejectedException(ObError error) {
        super("OceanBase refused the action: error " + error.code() + " (" + error.text() + ")");
        this.error = error;
        this.explanation = ObErrorCatalogue.explain(error);
    }

    public ObError error() {
        return error;
    }

    public ObExplanation explanation() {
        return explanation;
    }
}
