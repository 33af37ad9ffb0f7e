package io.obconsole.web;

import io.obconsole.fleet.ClusterTime;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Human units in templates: bytes in binary units, durations and ages in words, cluster times as
 * machine-readable instants (the browser script renders them in the reader's zone).
 */
@TemplateExtension
public final class Formats {

    private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };

    private Formats() {
    }

    /** {@code 1536} → {@code 1.5 KiB}. */
    public static String bytes(long value) {
        if (value < 1024) {
            return value + " B";
        }
        double scaled = value;
        int unit = 0;
        while (scaled >= 1024 && unit < UNITS.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, scaled >= 100 ? "%.0f %s" : "%.1f %s", scaled, UNITS[unit]);
    }

    /** {@code PT3H5M} → {@code 3 h 5 min}; at most two units, the larger first. */
    public static String human(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min" + (secs > 0 ? " " + secs + " s" : "");
        }
        return secs + " s";
    }

    /** An age in words: {@code 3 h 5 min ago}. */
    public static String ago(Duration age) {
        return age == null ? "–" : human(age) + " ago";
    }

    /** A cluster time as an ISO instant for {@code <time datetime>}, read in the zone the clusters run in. */
    public static String instant(LocalDateTime clusterTime) {
        return clusterTime == null ? "" : ClusterTime.isoUtc(clusterTime);
    }

    /** A cluster time in UTC words, what the page shows before (and without) the browser script. */
    public static String utc(LocalDateTime clusterTime) {
        return clusterTime == null ? "–" : ClusterTime.utcText(clusterTime);
    }

    /** An instant (a policy's next run) for {@code <time datetime>}; the browser shows it in the reader's zone. */
    public static String instant(java.time.Instant at) {
        return at == null ? "" : at.toString();
    }

    /** An instant in UTC words, what the page shows before (and without) the browser script. */
    public static String utc(java.time.Instant at) {
        return at == null ? "–" : ClusterTime.utcText(at);
    }

    static LocalDateTime utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
