package io.obconsole.cluster;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A tenant's current log archive round: a data backup may start only while it is DOING; the lag
 * (cluster now - checkpoint) says how far the archive trails.
 */
public record ArchiveStatus(String status, LocalDateTime checkpoint, Duration lag) {

    /** A tenant that never archived has no round at all. */
    public static final ArchiveStatus NONE = new ArchiveStatus("NONE", null, null);

    public boolean doing() {
        return doing(status);
    }

    /** Whether OceanBase's word for an archive ({@code status} here, or one the console kept) says it runs. */
    public static boolean doing(String status) {
        return "DOING".equals(status);
    }
}
