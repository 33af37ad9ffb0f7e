package io.obconsole.fleet;

import io.obconsole.cluster.BackupJob;

/**
 * One backup job as the fleet knows it: the cluster's row (with its tasks while it runs), its key
 * and status, and the progress derived from how its counters moved across rounds.
 *
 * @param phase   the first task's STATUS while there is one, else the job's own status
 * @param retries the highest RETRY_ID of its tasks (0 where the cluster shows none)
 */
public record FleetJob(JobKey key, BackupJob job, JobStatus status, boolean running, Progress progress, String phase,
        int retries) {

    public String cluster() {
        return key.cluster();
    }

    public String tenant() {
        return job.tenantName();
    }
}
