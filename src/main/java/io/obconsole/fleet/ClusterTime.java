package io.obconsole.fleet;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cluster clocks give times without a zone; this places them in {@code console.web.cluster-time-zone}.
 * Callers are static (template extensions, filters), so the zone is read from the configuration on
 * each call (no cache of its own that would outlive a configuration or a test's change, and no
 * need for a running container: a plain unit test reads the same setting).
 */
public final class ClusterTime {

    /** The one written form of a time where no browser renders it (page fallback, alert texts). */
    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private ClusterTime() {
    }

    /** A cluster time in UTC words: {@code 2026-12-06 23:07:44 UTC}. */
    public static String utcText(LocalDateTime clusterTime) {
        return UTC_TEXT.format(toUtc(clusterTime));
    }

    /** An instant in UTC words, as {@link #utcText(LocalDateTime)}. */
    public static String utcText(Instant at) {
        return UTC_TEXT.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** A cluster time as an ISO instant with its zone: {@code 2026-12-06T23:07:44Z}. */
    public static String isoUtc(LocalDateTime clusterTime) {
        return toUtc(clusterTime).atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    /** The cluster's wall-clock reading of an instant of ours. */
    public static LocalDateTime ofInstant(Instant at) {
        return LocalDateTime.ofInstant(at, zone());
    }

    public static LocalDateTime toUtc(LocalDateTime clusterTime) {
        return clusterTime.atZone(zone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static ZoneId zone() {
        return ConfigProvider.getConfig().getOptionalValue("console.web.cluster-time-zone", String.class)
                .map(ZoneId::of).orElse(ZoneOffset.UTC);
    }
}
