package io.obconsole.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the managed clusters as the poller's last round found each one: reachable with its
 * version and number of user tenants, unreachable with the reason, or not read yet. It reads the
 * fleet read model only and sends no statement to any cluster: a load balancer calls it every few
 * seconds on each console, and at a hundred clusters querying them all per call would add a hundred
 * snapshot reads each time on top of the poller's. One cluster down does not take the console out
 * of service (the others still work); all of them down, or none read yet, does.
 */
@Readiness
@ApplicationScoped
public class ClustersHealthCheck implements HealthCheck {

    static final String NAME = "OceanBase clusters";

    private final Fleet fleet;

    ClustersHealthCheck(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        List<ClusterState> clusters = fleet.clusters();
        int reachable = 0;
        for (ClusterState cluster : clusters) {
            if (!cluster.reachable()) {
                response.withData(cluster.cluster(), "unreachable: " + cluster.problem().reason());
            } else if (!cluster.read()) {
                response.withData(cluster.cluster(), "not read yet");
            } else {
                reachable++;
                response.withData(cluster.cluster(), "reachable, OceanBase " + cluster.version() + ", "
                        + cluster.tenants().size() + " user tenants");
            }
        }
        return response.status(reachable > 0 || clusters.isEmpty()).build();
    }
}
