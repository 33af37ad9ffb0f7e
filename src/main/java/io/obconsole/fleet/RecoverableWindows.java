package io.obconsole.fleet;

import io.obconsole.cluster.ArchivePieceFile;
import io.obconsole.cluster.RestorableSetFile;
import io.obconsole.cluster.StateRound;
import io.obconsole.cluster.TenantState;
import io.obconsole.window.ArchivePiece;
import io.obconsole.window.RestoreSet;
import io.obconsole.window.RestoreWindow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each tenant's recoverable window, computed from a state round's sets and pieces (spec §3) only
 * when they differ from the previous round's: a tenant whose sets and pieces did not change keeps
 * the window it had, so the cost follows what changed, not how often the fleet is read.
 */
final class RecoverableWindows {

    private RecoverableWindows() {
    }

    /** The windows after {@code round}, given the round before it and the windows computed from that (key: tenant id). */
    static Map<Long, RestoreWindow> next(StateRound previous, Map<Long, RestoreWindow> before, StateRound round) {
        Map<Long, RestoreWindow> windows = new HashMap<>();
        for (TenantState tenant : round.tenants()) {
            long id = tenant.tenant().id();
            RestoreWindow kept = before.get(id);
            boolean unchanged = kept != null && previous != null
                    && previous.restorableSets(id).equals(round.restorableSets(id))
                    && previous.archivePieces(id).equals(round.archivePieces(id));
            windows.put(id, unchanged ? kept : of(round.restorableSets(id), round.archivePieces(id)));
        }
        return Map.copyOf(windows);
    }

    static RestoreWindow of(List<RestorableSetFile> sets, List<ArchivePieceFile> pieces) {
        // a row without its SCNs (not written yet) cannot take part in a restore
        return RestoreWindow.of(
                sets.stream().filter(s -> s.startReplayScn() > 0 && s.minRestoreScn() > 0).map(RestoreSet::of).toList(),
                pieces.stream().filter(p -> p.startScn() > 0 && p.checkpointScn() > 0 && p.endScn() > 0)
                        .map(ArchivePiece::of).toList());
    }
}
