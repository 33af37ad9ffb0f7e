package io.obconsole.cluster;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the fleet's slower read of a cluster found: the user tenants with archive state,
 * destination, concurrency and last usable sets (their running jobs come from the progress
 * round), and each tenant's newest backup sets, successful or not (key: tenant id).
 */
public record StateRound(String cluster, ClusterMode mode, String version, LocalDateTime clusterNow,
        List<TenantState> tenants, List<BackupJob> sysJobs, Map<Long, List<BackupSetFile>> backupSets) {
}
