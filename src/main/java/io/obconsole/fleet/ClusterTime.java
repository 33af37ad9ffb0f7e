package io.obconsole.fleet;

import io.obconsole.web.WebConfig;
import io.quarkus.arc.Arc;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Cluster clocks give times without a zone; this places them in {@code console.web.cluster-time-zone}.
 * Callers are static (template extensions, filters), so the zone is read from the configuration
 * bean on each call (a singleton: no cache of its own here that would outlive a configuration or
 * a test's change).
 */
public final class ClusterTime {

    private ClusterTime() {
    }

    public static LocalDateTime toUtc(LocalDateTime clusterTime) {
        return clusterTime.atZone(Arc.container().instance(WebConfig.class).get().clusterTimeZone())
                .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
