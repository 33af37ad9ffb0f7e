package io.obconsole.cluster;

/** A well-formed tenant name the cluster did not list as a user tenant; nothing was sent. */
public class UnknownTenantException extends RuntimeException {

    private final String cluster;
    private final String tenant;

    public UnknownTenantException(String cluster, String tenant) {
        super("Cluster '" + cluster + "' has no user tenant named '" + tenant + "'");
        this.cluster = cluster;
        this.tenant = tenant;
    }

    public String cluster() {
        return cluster;
    }

    public String tenant() {
        return tenant;
    }
}
