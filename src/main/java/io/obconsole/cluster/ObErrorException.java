package io.obconsole.cluster;

/** OceanBase refused a statement; carries its {@link ObError} and the statement (redacted). */
public class ObErrorException extends RuntimeException {

    private final ObError error;
    private final ObStatement statement;

    public ObErrorException(ObError error, ObStatement statement) {
        super("OceanBase error " + error.code() + ": " + error.text());
        this.error = error;
        this.statement = statement;
    }

    public ObError error() {
        return error;
    }

    /** The refused statement; its {@code toString} is the redacted text. */
    public ObStatement statement() {
        return statement;
    }
}
