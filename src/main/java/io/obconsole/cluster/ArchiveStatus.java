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
        return "DOING".equals(status);
    }
}
