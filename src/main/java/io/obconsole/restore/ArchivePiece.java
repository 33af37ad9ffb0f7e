package io.obconsole.restore;

/**
 * One row of a tenant's {@code CDB_OB_ARCHIVELOG_PIECE_FILES}, the columns the recoverable window
 * needs. Log from {@code startScn} up to {@code checkpointScn} is archived; {@code endScn} is where
 * the piece ends (the next piece of the same destination starts there when the archive ran on).
 */
public record ArchivePiece(long destId, long roundId, long pieceId, Scn startScn, Scn checkpointScn, Scn endScn,
        FileStatus fileStatus) {

    public boolean available() {
        return fileStatus == FileStatus.AVAILABLE;
    }
}
