package io.obconsole.alert;

import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.fleet.FleetJob;
import io.obconsole.window.RestoreWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant state objectives and alarms are computed from, as the console last read it (the
 * fleet read model). Implementations never query a cluster when asked; they answer from what a
 * poll already read.
 */
public interface TenantStates {

    /** The latest reading of every configured cluster. */
    List<ClusterReading> clusters();

    /** Running and recently ended jobs of every cluster, with their progress (stalled or not). */
    List<FleetJob> jobs();

    /** The tenant's recoverable window as the fleet last computed it; empty if never read. */
    Optional<RestoreWindow> window(String cluster, String tenant);

    /** The tenant's backup sets as last read (newest first, successful or not); empty if never read. */
    List<BackupSetFile> backupSets(String cluster, String tenant);

    /**
     * A cluster's latest reading: its snapshot, or that it did not answer, why, and since when
     * (console time: the first failed read of the current outage).
     */
    record ClusterReading(String cluster, ClusterSnapshot snapshot, String unreachableReason, Instant unreachableSince) {

        public boolean reachable() {
            return snapshot != null;
        }
    }
}
