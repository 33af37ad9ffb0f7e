package io.obconsole.fleet;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cluster clocks give times without a zone; this places them in {@code console.web.cluster-time-zone}.
 * Callers are static (template extensions, filters), so the zone is read from the configuration on
 * each call (no cache of its own that would outlive a configuration or a test's change, and no
 * need for a running container: a plain unit test reads the same setting).
 */
public final class ClusterTime {

    private ClusterTime() {
    }

    public static LocalDateTime toUtc(LocalDateTime clusterTime) {
        return clusterTime.atZone(zone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static ZoneId zone() {
        return ConfigProvider.getConfig().getOptionalValue("console.web.cluster-time-zone", String.class)
                .map(ZoneId::of).orElse(ZoneOffset.UTC);
    }
}
