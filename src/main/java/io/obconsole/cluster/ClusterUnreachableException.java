package io.obconsole.cluster;

/**
 * The cluster could not be reached, or stopped answering: no connection, timeout, connection
 * dropped. {@link #reason()} is the driver's own words.
 */
public class ClusterUnreachableException extends RuntimeException {

    private final String cluster;
    private final String reason;

    public ClusterUnreachableException(String cluster, String reason, Throwable cause) {
        super("Cluster '" + cluster + "' is unreachable: " + reason, cause);
        this.cluster = cluster;
        this.reason = reason;
    }

    public String cluster() {
        return cluster;
    }

    public String reason() {
        return reason;
    }
}
