package io.obconsole.backup;

/**
 * The cluster stopped answering during an action. Whether OceanBase started it is unknown; the
 * message says so and what to check before trying again.
 */
public class ActionInterruptedException extends RuntimeException {

    private final String cluster;
    private final String reason;

    public ActionInterruptedException(String cluster, String reason, boolean statementSent) {
        super("Cluster '" + cluster + "' is unreachable (" + reason + ")" + (statementSent
                ? ". The statement may or may not have reached OceanBase: check the cluster's jobs before trying again."
                : ". Nothing was started."));
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
