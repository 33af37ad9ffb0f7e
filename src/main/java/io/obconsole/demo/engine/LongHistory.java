package io.obconsole.demo.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * A tenant with years of backups, for benchmarks ({@code CALL demo.long_history('mysql_tenant',
 * 5000, 50000)}): its backup sets become {@code sets} successful sets (a full one, then nine
 * incremental ones, over and over) spread evenly over the last {@code pieces} hours, and its archive
 * two rounds of hourly pieces with a six-hour gap between them, the second one still archiving. So
 * its recoverable window is two intervals over thousands of sets and pieces. The job history keeps
 * what really ran. Hourly pieces are shorter than any piece_switch_interval OceanBase accepts (one
 * day at least); they only reach the benchmark's figure without a century of history.
 */
final class LongHistory {

    static final Duration PIECE = Duration.ofHours(1);
    private static final Duration GAP = Duration.ofHours(6);
    private static final Duration SET_TAKES = Duration.ofMinutes(20);

    private LongHistory() {
    }

    static void seed(Cluster cluster, Tenant tenant, int sets, int pieces) {
        Instant now = cluster.now();
        Instant first = now.minus(PIECE.multipliedBy(pieces)).minus(GAP);
        long firstRoundPieces = pieces / 2;
        Instant gapFrom = first.plus(PIECE.multipliedBy(firstRoundPieces));
        Instant second = gapFrom.plus(GAP);

        tenant.archiveRounds.clear();
        ArchiveRound old = new ArchiveRound(1, first, tenant.logArchiveDest, "STOP");
        old.pieceInterval = PIECE;
        // the last piece of a stopped round ends where the log ends: just before the next hour would begin
        old.checkpoint = gapFrom.minusSeconds(1);
        ArchiveRound current = new ArchiveRound(2, second, tenant.logArchiveDest, "DOING");
        current.pieceInterval = PIECE;
        current.checkpoint = now.minusSeconds(2);
        tenant.archiveRounds.add(old);
        tenant.archiveRounds.add(current);

        cluster.backupSets.removeIf(set -> set.tenantId() == tenant.id);
        Duration every = Duration.between(first, now).minus(SET_TAKES).dividedBy(sets);
        long full = 0;
        long previous = 0;
        for (int i = 0; i < sets; i++) {
            long id = i + 1;
            boolean isFull = i % 10 == 0;
            Instant start = first.plus(every.multipliedBy(i)).plusSeconds(60);
            Instant end = start.plus(SET_TAKES);
            long bytes = tenant.dataBytes / (isFull ? 1 : 20);
            cluster.backupSets.add(new BackupSetFile(tenant.id, id, isFull ? "FULL" : "INC", isFull ? 0 : full,
                    isFull ? 0 : previous, start, end, "SUCCESS", "AVAILABLE", false, BackupEngine.scn(start),
                    BackupEngine.scn(end), bytes, bytes * 3 / 5, tenant.tabletCount, tenant.tabletCount,
                    tenant.macroBlockCount(), tenant.macroBlockCount(), 2 + tenant.macroBlockCount() / 512, 0, "",
                    "NONE", "", tenant.dataBackupDest + "/backup_set_" + id + "_" + (isFull ? "full" : "inc"),
                    cluster.config.version()));
            if (isFull) {
                full = id;
            }
            previous = id;
        }
        tenant.nextBackupSetId = sets + 1L;
    }
}
