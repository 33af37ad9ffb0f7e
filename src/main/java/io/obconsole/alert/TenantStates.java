package io.obconsole.alert;

import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.ClusterSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * The tenant state objectives are computed from, as the console last read it: the one seam to
 * re-point at the fleet read model once it exists. Implementations never query a cluster when
 * asked; they answer from what a poll already read.
 */
public interface TenantStates {

    /** Reads the clusters again (called by the objective watch on its own schedule, never by a page). */
    void refresh();

    /** The latest reading of every configured cluster. */
    List<ClusterReading> clusters();

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
