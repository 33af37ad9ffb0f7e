package io.obconsole.window;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A maximal run of available archive pieces of one destination, each starting where the one
 * before ended ({@code END_SCN == next START_SCN}), as OceanBase chains them for a restore. A
 * restore that starts replaying at an SCN inside the run can stop anywhere up to its checkpoint.
 */
record ArchiveChain(Scn start, Scn end, Scn checkpoint) {

    private static final Comparator<ArchivePiece> ORDER = Comparator.comparingLong(ArchivePiece::destId)
            .thenComparingLong(piece -> piece.startScn().value()).thenComparingLong(ArchivePiece::roundId)
            .thenComparingLong(ArchivePiece::pieceId);

    /** The chains of the available pieces, by start; pieces of different destinations never join. */
    static List<ArchiveChain> of(Collection<ArchivePiece> pieces) {
        List<ArchivePiece> sorted = new ArrayList<>(pieces.size());
        for (ArchivePiece piece : pieces) {
            if (piece.available()) {
                sorted.add(piece);
            }
        }
        sorted.sort(ORDER);
        List<ArchiveChain> chains = new ArrayList<>();
        ArchivePiece first = null;
        ArchivePiece last = null;
        for (ArchivePiece piece : sorted) {
            if (last != null && (last.destId() != piece.destId() || !last.endScn().equals(piece.startScn()))) {
                chains.add(new ArchiveChain(first.startScn(), last.endScn(), last.checkpointScn()));
                first = null;
            }
            first = first == null ? piece : first;
            last = piece;
        }
        if (last != null) {
            chains.add(new ArchiveChain(first.startScn(), last.endScn(), last.checkpointScn()));
        }
        chains.sort(Comparator.comparingLong(chain -> chain.start().value()));
        return chains;
    }

    /** OceanBase's test for the first piece of a restore: it starts at or before the replay start and ends after it. */
    boolean covers(Scn replayStart) {
        return !start.isAfter(replayStart) && end.isAfter(replayStart);
    }
}
