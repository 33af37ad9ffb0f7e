package io.obconsole.demo.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * One log-archive round of a tenant (a row of DBA_OB_ARCHIVELOG_SUMMARY). BEGINNING and STOPPING
 * are transitional: {@code settlesAt} is when they become DOING or STOP.
 */
final class ArchiveRound {

    final long roundId;
    final Instant start;
    final String path;
    String status;
    Instant settlesAt;
    Instant checkpoint;
    /** The round's piece_switch_interval: a new piece every so long from its start (OceanBase's default, a day). */
    Duration pieceInterval = ArchivePiece.PIECE_SWITCH_INTERVAL;
    /** Archived bytes per second of simulated time, for the INPUT/OUTPUT_BYTES counters. */
    static final long BYTES_PER_SECOND = 3L * 1024 * 1024;

    ArchiveRound(long roundId, Instant start, String path, String status) {
        this.roundId = roundId;
        this.start = start;
        this.path = path;
        this.status = status;
        this.checkpoint = start;
    }

    /** Moves a transitional status on and lets the checkpoint follow the clock while DOING. */
    void advanceTo(Instant now) {
        if (settlesAt != null && !now.isBefore(settlesAt)) {
            if (status.equals("BEGINNING")) {
                status = "DOING";
            } else if (status.equals("STOPPING")) {
                status = "STOP";
            }
            settlesAt = null;
        }
        if (status.equals("DOING")) {
            // archiving trails the clock by a couple of seconds, as a healthy round does
            Instant lagged = now.minusSeconds(2);
            if (lagged.isAfter(checkpoint)) {
                checkpoint = lagged;
            }
        }
    }

    long inputBytes() {
        return Math.max(0, checkpoint.getEpochSecond() - start.getEpochSecond()) * BYTES_PER_SECOND;
    }
}
