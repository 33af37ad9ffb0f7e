package io.obconsole.demo.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One archive piece (a row of CDB_OB_ARCHIVELOG_PIECE_FILES), derived from the tenant's archive
 * rounds so that pieces can never disagree with CDB_OB_ARCHIVELOG: a round is cut into pieces of
 * PIECE_SWITCH_INTERVAL (one day) from its start; piece ids go on from round to round on the
 * destination, as OceanBase numbers them. Inside a round each piece's END_SCN is the next one's
 * START_SCN; between rounds the log has a gap, which is what makes a recoverable window piecewise.
 */
record ArchivePiece(long tenantId, long roundId, long pieceId, String status, Instant start, Instant checkpoint,
        Instant end, String path) {

    static final Duration PIECE_SWITCH_INTERVAL = Duration.ofDays(1);
    static final long DEST_ID = 1001;

    /** Every piece of the tenant's rounds, oldest first. */
    static List<ArchivePiece> of(Tenant tenant) {
        List<ArchivePiece> pieces = new ArrayList<>();
        long base = 1;
        for (ArchiveRound round : tenant.archiveRounds) {
            long used = usedPieces(round);
            boolean open = !round.status.equals("STOP") && !round.status.equals("STOPPING");
            for (long i = 0; i < used; i++) {
                Instant from = round.start.plus(round.pieceInterval.multipliedBy(i));
                Instant planned = from.plus(round.pieceInterval);
                boolean last = i == used - 1;
                Instant checkpoint = last ? round.checkpoint : planned;
                // the last piece of a stopped round was frozen where the log ends
                Instant end = last && !open ? round.checkpoint : planned;
                String status = last && open ? "ACTIVE" : "FROZEN";
                pieces.add(new ArchivePiece(tenant.id, round.roundId, base + i, status, from, checkpoint, end,
                        round.path + "/piece_d" + DEST_ID + "r" + round.roundId + "p" + (base + i)));
            }
            base += used;
        }
        return pieces;
    }

    /** How many pieces a round has used: CDB_OB_ARCHIVELOG's USED_PIECE_ID - BASE_PIECE_ID + 1. */
    static long usedPieces(ArchiveRound round) {
        return 1 + Duration.between(round.start, round.checkpoint).dividedBy(round.pieceInterval);
    }

    /** The first piece id of each round, in round order (CDB_OB_ARCHIVELOG's BASE_PIECE_ID). */
    static long basePieceId(Tenant tenant, ArchiveRound of) {
        long base = 1;
        for (ArchiveRound round : tenant.archiveRounds) {
            if (round == of) {
                return base;
            }
            base += usedPieces(round);
        }
        return base;
    }

    long startScn() {
        return BackupEngine.scn(start);
    }

    long checkpointScn() {
        return BackupEngine.scn(checkpoint);
    }

    long endScn() {
        return BackupEngine.scn(end);
    }

    /** Log bytes the piece holds, at the rate the round archives. */
    long inputBytes() {
        return Math.max(0, Duration.between(start, checkpoint).toSeconds()) * ArchiveRound.BYTES_PER_SECOND;
    }
}
