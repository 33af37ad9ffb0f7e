package io.obconsole.cluster;

/**
 * What OceanBase holds about one tenant's backup set-up, read fresh: destinations (credentials
 * already masked, so no clear or encrypted key leaves this package), the current archive round
 * and the delete policy.
 *
 * @param dataBackupDest  data_backup_dest, masked; empty when not set
 * @param logArchiveDest  the archive destination's path, masked; empty when not set
 * @param recoveryWindow  RECOVERY_WINDOW of the policy 'default' as OceanBase shows it (e.g. {@code 7d}); null without one
 */
public record TenantSetup(String cluster, Tenant tenant, ClusterMode mode, String dataBackupDest, String logArchiveDest,
        ArchiveStatus archive, String recoveryWindow) {

    public boolean dataBackupDestSet() {
        return !dataBackupDest.isBlank();
    }

    public boolean logArchiveDestSet() {
        return !logArchiveDest.isBlank();
    }

    /** ARCHIVELOG mode as OceanBase counts it: a round that is not stopping or stopped. */
    public boolean archiving() {
        return switch (archive.status()) {
            case "NONE", "STOP", "STOPPING" -> false;
            default -> true;
        };
    }

    /** BEGINNING or STOPPING: the status moves on by itself shortly. */
    public boolean archiveSettling() {
        return archive.status().equals("BEGINNING") || archive.status().equals("STOPPING");
    }
}
