package io.obconsole.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.ArchivePieceFile;
import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.RestorableSetFile;
import io.obconsole.cluster.StateRound;
import io.obconsole.cluster.Tenant;
import io.obconsole.cluster.TenantState;
import io.obconsole.window.RestoreInterval;
import io.obconsole.window.RestoreWindow;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant's window is computed again only when its sets or pieces changed; otherwise the one it had is kept. */
class RecoverableWindowsTest {

    private static final long T = 1002;
    private static final RestorableSetFile FULL = new RestorableSetFile(new BackupSetFile(T, 1, "FULL", 0, 0, null, null,
            "SUCCESS", "AVAILABLE", 60, false, 1, 1, 0, "", "file:///b/1"), "NONE", 250, 300);
    private static final ArchivePieceFile PIECE = new ArchivePieceFile(T, 1001, 1, 1, 200, 400, 500, "AVAILABLE");

    @Test
    void unchangedSetsAndPiecesKeepTheWindowAndAMovedCheckpointComputesItAgain() {
        StateRound first = round(List.of(FULL), List.of(PIECE));
        Map<Long, RestoreWindow> before = RecoverableWindows.next(null, Map.of(), first);
        assertThat(before.get(T).intervals()).containsExactly(RestoreInterval.of(300, 400));

        Map<Long, RestoreWindow> same = RecoverableWindows.next(first, before, round(List.of(FULL), List.of(PIECE)));
        assertThat(same.get(T)).isSameAs(before.get(T));

        ArchivePieceFile moved = new ArchivePieceFile(T, 1001, 1, 1, 200, 450, 500, "AVAILABLE");
        Map<Long, RestoreWindow> after = RecoverableWindows.next(first, before, round(List.of(FULL), List.of(moved)));
        assertThat(after.get(T).intervals()).containsExactly(RestoreInterval.of(300, 450));
    }

    @Test
    void aTenantWithoutSetsHasAnEmptyWindowThatSaysWhy() {
        Map<Long, RestoreWindow> windows = RecoverableWindows.next(null, Map.of(), round(List.of(), List.of(PIECE)));

        assertThat(windows.get(T).isEmpty()).isTrue();
        assertThat(windows.get(T).unrestorable()).isPresent();
    }

    private static StateRound round(List<RestorableSetFile> sets, List<ArchivePieceFile> pieces) {
        TenantState tenant = new TenantState(new Tenant(T, "mysql_tenant", "MYSQL", "NORMAL"), ArchiveStatus.NONE, "",
                null, null, null, List.of());
        return new StateRound("demo", ClusterMode.SYS, "4.2.1.0", LocalDateTime.now(), List.of(tenant), List.of(),
                Map.of(), Map.of(T, sets), Map.of(T, pieces));
    }
}
