package io.obconsole.cluster;

import java.util.List;

/**
 * Everything a preflight or a page needs about one user tenant at one moment.
 *
 * @param backupDest  data_backup_dest, empty when not set
 * @param threadScore ha_low_thread_score (backup concurrency), null when the cluster did not say
 * @param lastFull    newest successful available FULL set, or null
 * @param lastInc     newest successful available INC set, or null
 */
public record TenantState(Tenant tenant, ArchiveStatus archive, String backupDest, Integer threadScore,
        BackupSet lastFull, BackupSet lastInc, List<BackupJob> running) {

    public String name() {
        return tenant.name();
    }

    public boolean backupDestSet() {
        return backupDest != null && !backupDest.isBlank();
    }
}
