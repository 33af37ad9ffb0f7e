package io.obconsole.cluster;

/** A cluster name that is not in the configuration. */
public class UnknownClusterException extends RuntimeException implements RefusedInput {

    private final String cluster;

    public UnknownClusterException(String cluster) {
        super("No cluster named '" + cluster + "' is configured");
        this.cluster = cluster;
    }

    @Override
    public String rule() {
        return "No cluster of that name is configured";
    }

    public String cluster() {
        return cluster;
    }
}
