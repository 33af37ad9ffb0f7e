package io.obconsole.fleet;

import io.obconsole.cluster.RestoreRow;

/**
 * One restore as the fleet knows it, beside the backup jobs: OceanBase's row, its status, and the
 * progress derived across rounds (ob-restore-spec 2.3): data percent (RESTORE_PROGRESS, else
 * finished over all tablets), log-replay percent (RECOVER_PROGRESS), tablets per second and an ETA.
 *
 * @param key       unique over time: cluster, job id and start ({@code restore:demo/3/2026-...})
 * @param cancelled ended because someone cancelled it (OceanBase's COMMENT says so)
 */
public record FleetRestore(String key, String cluster, RestoreRow row, RestoreStatus status, Double dataPercent,
        Double logPercent, Double tabletsPerSecond, Long etaSeconds, boolean cancelled) {

    /** OceanBase's COMMENT of a cancelled restore. */
    public static final String CANCELED_COMMENT = "physical restore canceled";

    public static String keyOf(String cluster, RestoreRow row) {
        return "restore:" + cluster + "/" + row.jobId() + "/" + (row.start() == null ? "" : row.start().toString());
    }

    public String tenant() {
        return row.tenantName();
    }

    public boolean running() {
        return !row.ended() && status.running();
    }

    public boolean succeeded() {
        return row.ended() && status.succeeded();
    }

    public boolean failed() {
        return row.ended() && !status.succeeded() && !cancelled;
    }

    /** How it ended; only for an ended restore. */
    public RestoreOutcome outcome() {
        if (!row.ended()) {
            throw new IllegalStateException("restore " + key + " still runs");
        }
        return succeeded() ? RestoreOutcome.SUCCESS : cancelled ? RestoreOutcome.CANCELED : RestoreOutcome.FAIL;
    }
}
