package io.obconsole.web;

import io.quarkus.arc.Arc;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Cluster clocks give times without a zone; this places them in {@code console.web.cluster-time-zone}.
 * Template extensions are static, so the zone is read from the configuration bean on each call
 * (a singleton: no cache of its own here that would outlive a configuration or a test's change).
 */
final class ClusterTime {

    private ClusterTime() {
    }

    static LocalDateTime toUtc(LocalDateTime clusterTime) {
        return clusterTime.atZone(Arc.container().instance(WebConfig.class).get().clusterTimeZone())
                .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
