package io.obconsole.cluster;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the fleet's slower read of a cluster found: the user tenants with archive state,
 * destination, concurrency and last usable sets (their running jobs come from the progress
 * round), each tenant's newest backup sets, successful or not, and what its recoverable window is
 * computed from: its usable sets with their SCNs and its available archive pieces (key: tenant id).
 */
public record StateRound(String cluster, ClusterMode mode, String version, LocalDateTime clusterNow,
        List<TenantState> tenants, List<BackupJob> sysJobs, Map<Long, List<BackupSetFile>> backupSets,
        Map<Long, List<RestorableSetFile>> restorableSets, Map<Long, List<ArchivePieceFile>> archivePieces) {

    /** The tenant's usable sets, newest first (empty when none or not listed). */
    public List<RestorableSetFile> restorableSets(long tenantId) {
        return restorableSets.getOrDefault(tenantId, List.of());
    }

    /** The tenant's available archive pieces, by destination and start. */
    public List<ArchivePieceFile> archivePieces(long tenantId) {
        return archivePieces.getOrDefault(tenantId, List.of());
    }
}
