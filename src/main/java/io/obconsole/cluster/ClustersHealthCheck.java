package io.obconsole.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the managed clusters: each one's reachability and version. One cluster down does
 * not take the console out of service (the others still work); all of them down does.
 */
@Readiness
@ApplicationScoped
public class ClustersHealthCheck implements HealthCheck {

    private final ClusterGateway gateway;

    ClustersHealthCheck(ClusterGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("OceanBase clusters");
        int reachable = 0;
        for (ClusterStatus status : gateway.overview()) {
            if (status instanceof ClusterStatus.Reachable up) {
                reachable++;
                response.withData(up.cluster(), "reachable, OceanBase " + up.snapshot().version() + ", "
                        + up.snapshot().tenantNames().size() + " user tenants");
            } else if (status instanceof ClusterStatus.Unreachable down) {
                response.withData(down.cluster(), "unreachable: " + down.reason());
            }
        }
        return response.status(reachable > 0 || gateway.clusters().isEmpty()).build();
    }
}
