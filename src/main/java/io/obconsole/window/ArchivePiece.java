package io.obconsole.window;

import io.obconsole.cluster.ArchivePieceFile;

/**
 * One row of a tenant's {@code CDB_OB_ARCHIVELOG_PIECE_FILES}, the columns the recoverable window
 * needs. Log from {@code startScn} up to {@code checkpointScn} is archived; {@code endScn} is where
 * the piece ends (the next piece of the same destination starts there when the archive ran on).
 */
public record ArchivePiece(long destId, long roundId, long pieceId, Scn startScn, Scn checkpointScn, Scn endScn,
        FileStatus fileStatus) {

    /** A piece as the fleet reads it. */
    public static ArchivePiece of(ArchivePieceFile read) {
        return new ArchivePiece(read.destId(), read.roundId(), read.pieceId(), new Scn(read.startScn()),
                new Scn(read.checkpointScn()), new Scn(read.endScn()), FileStatus.of(read.fileStatus()));
    }

    public boolean available() {
        return fileStatus == FileStatus.AVAILABLE;
    }
}
