package io.obconsole.cluster;

/** A cluster name that is not in the configuration. */
public class UnknownClusterException extends RuntimeException {

    private final String cluster;

    public UnknownClusterException(String cluster) {
        super("No cluster named '" + cluster + "' is configured");
        this.cluster = cluster;
    }

    public String cluster() {
        return cluster;
    }
}
