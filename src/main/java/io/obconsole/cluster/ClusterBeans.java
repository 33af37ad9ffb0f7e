package io.obconsole.cluster;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** Makes the configured clusters' pools and gateway CDI beans: created at start, closed at shutdown. */
@ApplicationScoped
public class ClusterBeans {

    @Produces
    @Singleton
    @Startup
    ClusterGateway gateway(ClustersConfig config) {
        List<ClusterSettings> clusters = config.clusters().entrySet().stream()
                .map(e -> ClusterSettings.from(e.getKey(), e.getValue())).toList();
        return new ClusterGateway(new ClusterPools(clusters));
    }

    void close(@Disposes ClusterGateway gateway) {
        gateway.close();
    }
}
