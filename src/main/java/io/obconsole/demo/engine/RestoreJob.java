package io.obconsole.demo.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One physical restore: what ALTER SYSTEM RESTORE asked for and found (sets, pieces, target SCN),
 * and how it ended. Where a running job stands follows from the clock alone (see {@link #phaseAt}):
 * the tenant is created {@link #CREATE_TENANT} after the start, data takes {@code dataDuration}
 * (the backup's size), log replay {@code replayDuration} (the log between the set and the target),
 * then POST_CHECK and UPGRADE. Immutable: a change replaces the job in the cluster's list.
 *
 * @param outcome null while running, then SUCCESS or FAIL (CDB_OB_RESTORE_HISTORY's STATUS)
 * @param failure a fault asked for: the job fails half-way through its data with this COMMENT
 * @param backupMode the backed-up tenant's compatibility mode (MYSQL, ORACLE); null in older state files
 */
record RestoreJob(long jobId, String tenantName, long tenantId, String backupTenantName, long backupTenantId,
        String backupDest, String restoreOption, long restoreScn, long startReplayScn, Instant start,
        List<String> backupSets, List<String> backupPieces, long tabletCount, long totalBytes, String description,
        List<String> pools, String restoreType, String backupClusterVersion, Duration dataDuration,
        Duration replayDuration, String failure, boolean tenantCreated, String outcome, Instant end, String comment,
        String backupMode) {

    static final Duration CREATE_TENANT = Duration.ofSeconds(10);
    static final Duration POST_CHECK = Duration.ofSeconds(5);
    static final Duration UPGRADE = Duration.ofSeconds(5);

    enum Phase { CREATE_TENANT, RESTORE_DATA, REPLAY_LOG, POST_CHECK, UPGRADE, DONE }

    boolean running() {
        return outcome == null;
    }

    Instant createdAt() {
        return start.plus(CREATE_TENANT);
    }

    Instant dataEnd() {
        return createdAt().plus(dataDuration);
    }

    Instant replayEnd() {
        return dataEnd().plus(replayDuration);
    }

    Instant successAt() {
        return replayEnd().plus(POST_CHECK).plus(UPGRADE);
    }

    /** Where the fault asked for stops the job: half-way through its data. */
    Instant failAt() {
        return failure == null ? null : createdAt().plus(dataDuration.dividedBy(2));
    }

    Phase phaseAt(Instant now) {
        if (now.isBefore(createdAt())) {
            return Phase.CREATE_TENANT;
        } else if (now.isBefore(dataEnd())) {
            return Phase.RESTORE_DATA;
        } else if (now.isBefore(replayEnd())) {
            return Phase.REPLAY_LOG;
        } else if (now.isBefore(replayEnd().plus(POST_CHECK))) {
            return Phase.POST_CHECK;
        } else if (now.isBefore(successAt())) {
            return Phase.UPGRADE;
        }
        return Phase.DONE;
    }

    /** Share of the data restored at {@code now}, 0..1. */
    double dataShare(Instant now) {
        return share(createdAt(), dataDuration, now);
    }

    /** Share of the log replayed at {@code now}, 0..1. */
    double replayShare(Instant now) {
        return share(dataEnd(), replayDuration, now);
    }

    private static double share(Instant from, Duration span, Instant now) {
        if (!now.isAfter(from)) {
            return 0;
        }
        if (span.isZero() || !now.isBefore(from.plus(span))) {
            return 1;
        }
        return (double) Duration.between(from, now).toNanos() / span.toNanos();
    }

    RestoreJob created() {
        return new RestoreJob(jobId, tenantName, tenantId, backupTenantName, backupTenantId, backupDest, restoreOption,
                restoreScn, startReplayScn, start, backupSets, backupPieces, tabletCount, totalBytes, description, pools,
                restoreType, backupClusterVersion, dataDuration, replayDuration, failure, true, outcome, end, comment,
                backupMode);
    }

    RestoreJob ended(String status, Instant at, String text) {
        return new RestoreJob(jobId, tenantName, tenantId, backupTenantName, backupTenantId, backupDest, restoreOption,
                restoreScn, startReplayScn, start, backupSets, backupPieces, tabletCount, totalBytes, description, pools,
                restoreType, backupClusterVersion, dataDuration, replayDuration, failure, tenantCreated, status, at, text,
                backupMode);
    }
}
