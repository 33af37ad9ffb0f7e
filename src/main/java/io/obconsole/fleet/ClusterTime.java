package io.obconsole.fleet;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.ConfigProvider;

/** Cluster clocks give times without a zone; this places them in {@code console.web.cluster-time-zone}. */
public final class ClusterTime {

    private static volatile ZoneId zone;

    private ClusterTime() {
    }

    public static LocalDateTime toUtc(LocalDateTime clusterTime) {
        return clusterTime.atZone(zone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static ZoneId zone() {
        ZoneId known = zone;
        if (known == null) {
            known = ConfigProvider.getConfig().getOptionalValue("console.web.cluster-time-zone", String.class)
                    .map(ZoneId::of).orElse(ZoneOffset.UTC);
            zone = known;
        }
        return known;
    }
}
