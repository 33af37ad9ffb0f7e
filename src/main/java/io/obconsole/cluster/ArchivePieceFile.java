package io.obconsole.cluster;

/**
 * One row of {@code CDB_OB_ARCHIVELOG_PIECE_FILES} as read, the columns a recoverable window needs:
 * log from {@code startScn} to {@code checkpointScn} is archived, and the piece ends at {@code endScn}.
 * SCNs as OceanBase writes them (nanoseconds since the epoch).
 *
 * @param fileStatus AVAILABLE, DELETING, DELETED, ... as the view writes it
 */
public record ArchivePieceFile(long tenantId, long destId, long roundId, long pieceId, long startScn,
        long checkpointScn, long endScn, String fileStatus) {
}
