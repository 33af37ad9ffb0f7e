package io.obconsole.demo.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of CDB_OB_RESTORE_PROGRESS and CDB_OB_RESTORE_HISTORY (spec 2.1-2.3): two per job, the
 * sys tenant's (TENANT_ID 1) and, once the new tenant exists, the tenant's own. Progress columns
 * are NULL on the sys row; FINISH_BYTES stays 0 as OceanBase's own examples show (bytes are not a
 * reliable measure of a restore).
 */
final class RestoreRows {

    static final String BACKUP_CLUSTER_NAME = "obdemo";
    private static final long LS_COUNT = 2;

    private RestoreRows() {
    }

    static List<Object[]> progress(Cluster c, boolean progressColumns, boolean restoreType) {
        List<Object[]> rows = new ArrayList<>();
        Instant now = c.now();
        for (RestoreJob j : c.restores.jobs) {
            if (!j.running()) {
                continue;
            }
            RestoreJob.Phase phase = j.phaseAt(now);
            String sysStatus = j.tenantCreated() ? "WAIT_TENANT_RESTORE_FINISH" : "CREATE_TENANT";
            rows.add(progressRow(c, j, Cluster.SYS_TENANT_ID, sysStatus, false, progressColumns, restoreType, now));
            if (j.tenantCreated()) {
                String status = switch (phase) {
                    case POST_CHECK -> "POST_CHECK";
                    case UPGRADE, DONE -> "UPGRADE";
                    default -> "RESTORING";
                };
                rows.add(progressRow(c, j, j.tenantId(), status, true, progressColumns, restoreType, now));
            }
        }
        return rows;
    }

    private static Object[] progressRow(Cluster c, RestoreJob j, long tenantId, String status, boolean tenantRow,
            boolean progressColumns, boolean restoreType, Instant now) {
        List<Object> row = new ArrayList<>(List.of(tenantId, j.jobId(), j.tenantName()));
        row.add(j.tenantCreated() ? j.tenantId() : 0L);
        row.addAll(List.of(j.backupTenantName(), j.backupTenantId(), BACKUP_CLUSTER_NAME, j.backupDest(),
                j.restoreOption(), j.restoreScn()));
        row.add(ViewCatalog.scnTime(c, j.restoreScn()));
        row.add(status);
        row.add(ViewCatalog.time(c, j.start()));
        row.add(String.join(",", j.backupSets()));
        row.add(String.join(",", j.backupPieces()));
        if (progressColumns) {
            if (tenantRow) {
                double data = j.dataShare(now);
                double replay = j.replayShare(now);
                long recoverScn = j.startReplayScn() + (long) ((j.restoreScn() - j.startReplayScn()) * replay);
                long finished = (long) Math.floor(j.tabletCount() * data);
                row.add(recoverScn);
                row.add(ViewCatalog.scnTime(c, recoverScn));
                row.add(percent(replay));
                row.add(j.tabletCount());
                row.add(finished);
                row.add(percent(j.tabletCount() == 0 ? 1 : (double) finished / j.tabletCount()));
            } else {
                for (int i = 0; i < 6; i++) {
                    row.add(null);
                }
            }
        }
        row.add(tenantRow ? j.totalBytes() : null);
        row.add(tenantRow ? ViewCatalog.display(j.totalBytes()) : null);
        row.add(tenantRow ? 0L : null);
        row.add(tenantRow ? ViewCatalog.display(0) : null);
        row.add(j.description());
        if (restoreType) {
            row.add(j.restoreType());
        }
        return row.toArray();
    }

    static List<Object[]> history(Cluster c, boolean restoreType) {
        List<Object[]> rows = new ArrayList<>();
        for (RestoreJob j : c.restores.jobs) {
            if (j.running()) {
                continue;
            }
            rows.add(historyRow(c, j, Cluster.SYS_TENANT_ID, restoreType));
            if (j.tenantCreated()) {
                rows.add(historyRow(c, j, j.tenantId(), restoreType));
            }
        }
        return rows;
    }

    private static Object[] historyRow(Cluster c, RestoreJob j, long tenantId, boolean restoreType) {
        boolean success = j.outcome().equals("SUCCESS");
        long finishedTablets = success ? j.tabletCount() : (long) Math.floor(j.tabletCount() * j.dataShare(j.end()));
        List<Object> row = new ArrayList<>(List.of(tenantId, j.jobId(), j.tenantName()));
        row.add(j.tenantCreated() ? j.tenantId() : 0L);
        row.addAll(List.of(j.backupTenantName(), j.backupTenantId(), BACKUP_CLUSTER_NAME, j.backupDest(), j.restoreScn()));
        row.add(ViewCatalog.scnTime(c, j.restoreScn()));
        row.add(j.restoreOption());
        row.add(ViewCatalog.time(c, j.start()));
        row.add(ViewCatalog.time(c, j.end()));
        row.add(j.outcome());
        row.add(String.join(",", j.backupPieces()));
        row.add(String.join(",", j.backupSets()));
        row.add(clusterVersion(j.backupClusterVersion()));
        row.addAll(List.of(LS_COUNT, success ? LS_COUNT : 0L, j.tabletCount(), finishedTablets, j.totalBytes(),
                ViewCatalog.display(j.totalBytes()), 0L, ViewCatalog.display(0), j.description(), j.comment()));
        if (restoreType) {
            row.add(j.restoreType());
        }
        return row.toArray();
    }

    private static java.math.BigDecimal percent(double share) {
        return java.math.BigDecimal.valueOf(share * 100).setScale(2, java.math.RoundingMode.DOWN);
    }

    /** OceanBase's packed cluster version: 4.2.1.0 is (4 << 32) | (2 << 16) | (1 << 8) | 0. */
    static long clusterVersion(String version) {
        String[] parts = version.split("\\.");
        long[] shifts = {32, 16, 8, 0};
        long packed = 0;
        for (int i = 0; i < Math.min(4, parts.length); i++) {
            packed |= Long.parseLong(parts[i].replaceAll("\\D.*", "")) << shifts[i];
        }
        return packed;
    }
}
