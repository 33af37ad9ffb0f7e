package io.obconsole.alert;

import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.BackupType;
import io.obconsole.cluster.TenantState;
import io.obconsole.window.ArchivePiece;
import io.obconsole.window.FileStatus;
import io.obconsole.window.RestoreSet;
import io.obconsole.window.RestoreWindow;
import io.obconsole.window.Scn;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The recoverable window a test tenant's state implies, as the fleet would compute it from the
 * cluster's views: its FULL and INC sets (cluster time in UTC), each restorable from its end, and
 * one archive piece from well before them up to the archive's checkpoint.
 */
final class TenantWindows {

    private TenantWindows() {
    }

    static RestoreWindow of(TenantState tenant) {
        List<RestoreSet> sets = new ArrayList<>();
        BackupSet full = tenant.lastFull();
        if (full != null) {
            sets.add(new RestoreSet(full.backupSetId(), BackupType.FULL, 0, 0, true, FileStatus.AVAILABLE, false, false,
                    scn(full.start()), scn(full.end())));
        }
        BackupSet inc = tenant.lastInc();
        if (inc != null && full != null) {
            sets.add(new RestoreSet(inc.backupSetId(), BackupType.INCREMENTAL, full.backupSetId(), full.backupSetId(), true,
                    FileStatus.AVAILABLE, false, false, scn(inc.start()), scn(inc.end())));
        }
        LocalDateTime checkpoint = tenant.archive().checkpoint();
        List<ArchivePiece> pieces = checkpoint == null ? List.of()
                : List.of(new ArchivePiece(1001, 1, 1, scn(checkpoint.minusDays(60)), scn(checkpoint), scn(checkpoint),
                        FileStatus.AVAILABLE));
        return RestoreWindow.of(sets, pieces);
    }

    static Scn scn(LocalDateTime utc) {
        return Scn.of(utc.toInstant(ZoneOffset.UTC));
    }
}
