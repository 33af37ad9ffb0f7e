package io.obconsole.cluster;

import java.time.Duration;
import java.time.LocalDateTime;

/** A successful, available backup set; its age (cluster now - end) is how old the newest recovery point is. */
public record BackupSet(long backupSetId, String type, LocalDateTime start, LocalDateTime end, Duration age) {
}
