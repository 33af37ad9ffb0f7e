package io.obconsole.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.obconsole.cluster.BackupType;
import io.obconsole.cluster.BackupSetFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recoverable window of spec §3 on its examples and edge cases; SCNs are small numbers for reading ease. */
class RestoreWindowTest {

    /** The doc's example: archive from 200 to 500, stopped, restarted at 800 up to 1500; a full set in each stretch. */
    private static final List<RestoreSet> GAP_SETS = List.of(full(1, 250, 300), full(2, 850, 900));
    private static final List<ArchivePiece> GAP_PIECES = List.of(piece(1, 1, 1, 200, 400, 400), piece(1, 1, 2, 400, 500, 500),
            piece(1, 2, 3, 800, 1200, 1200), piece(1, 2, 4, 1200, 1500, 1600));

    @Test
    void anArchiveGapSplitsTheWindowAsTheDocsExampleDoes() {
        RestoreWindow window = RestoreWindow.of(GAP_SETS, GAP_PIECES);

        assertThat(window.intervals()).containsExactly(RestoreInterval.of(300, 500), RestoreInterval.of(900, 1500));
        assertThat(window.earliest()).contains(new Scn(300));
        assertThat(window.latest()).contains(new Scn(1500));
        assertThat(window.unrestorable()).isEmpty();
    }

    @Test
    void aPointIsInsideUpToBothEndsOfEachInterval() {
        RestoreWindow window = RestoreWindow.of(GAP_SETS, GAP_PIECES);

        assertThat(List.of(300L, 500L, 900L, 1500L)).allSatisfy(scn -> assertThat(window.check(new Scn(scn)).inside()).isTrue());
        assertThat(window.check(new Scn(400))).isEqualTo(new PointCheck.Inside(new Scn(400), List.of(GAP_SETS.get(0))));
        assertThat(window.check(new Scn(1000))).isEqualTo(new PointCheck.Inside(new Scn(1000), List.of(GAP_SETS.get(1))));
    }

    @Test
    void aPointOutsideSaysWhichSideOfWhichInterval() {
        RestoreWindow window = RestoreWindow.of(GAP_SETS, GAP_PIECES);

        assertThat(window.check(new Scn(299))).isEqualTo(new PointCheck.BeforeFirst(new Scn(299), RestoreInterval.of(300, 500)));
        assertThat(window.check(new Scn(501))).isEqualTo(
                new PointCheck.InGap(new Scn(501), RestoreInterval.of(300, 500), RestoreInterval.of(900, 1500)));
        assertThat(window.check(new Scn(899))).isInstanceOf(PointCheck.InGap.class);
        assertThat(window.check(new Scn(1501))).isEqualTo(new PointCheck.AfterLatest(new Scn(1501), RestoreInterval.of(900, 1500)));
    }

    @Test
    void theOperatorReadsWhyAPointIsOutsideInUtc() {
        long base = Instant.parse("2024-04-09T15:00:00Z").getEpochSecond() * 1_000_000_000L;
        long minute = 60_000_000_000L;
        RestoreWindow window = RestoreWindow.of(List.of(full(1, base, base + minute), full(2, base + 10 * minute, base + 11 * minute)),
                List.of(piece(1, 1, 1, base, base + 2 * minute, base + 2 * minute),
                        piece(1, 2, 2, base + 9 * minute, base + 12 * minute, base + 20 * minute)));

        assertThat(window.check(Instant.parse("2024-04-09T15:05:00Z")).explanation()).isEqualTo(
                "2024-04-09 15:05:00 UTC falls in a gap of the archive log: the tenant is restorable up to"
                        + " 2024-04-09 15:02:00 UTC and again from 2024-04-09 15:11:00 UTC, not in between.");
        assertThat(window.check(Instant.parse("2024-04-09T14:59:59.5Z")).explanation()).isEqualTo(
                "2024-04-09 14:59:59.5 UTC is before the earliest restorable point, 2024-04-09 15:01:00 UTC:"
                        + " no usable backup set is that old.");
        assertThat(window.check(Instant.parse("2024-04-09T15:13:00Z")).explanation()).isEqualTo(
                "2024-04-09 15:13:00 UTC is after the latest restorable point, 2024-04-09 15:12:00 UTC:"
                        + " the archive log reaches no further.");
        assertThat(window.check(Instant.parse("2024-04-09T15:11:30Z")).explanation())
                .isEqualTo("2024-04-09 15:11:30 UTC is restorable from backup set 2.");
        assertThat(window.summary()).isEqualTo("restorable from 2024-04-09 15:01:00 UTC to 2024-04-09 15:02:00 UTC,"
                + " and from 2024-04-09 15:11:00 UTC to 2024-04-09 15:12:00 UTC");
    }

    @Test
    void aPlusArchivelogSetAloneReachesOnlyItsMinRestoreScn() {
        RestoreWindow window = RestoreWindow.of(List.of(plusArchivelog(full(1, 250, 300))), List.of());

        assertThat(window.intervals()).containsExactly(RestoreInterval.of(300, 300));
        assertThat(window.latest()).contains(new Scn(300));
        assertThat(window.check(new Scn(301))).isEqualTo(new PointCheck.AfterLatest(new Scn(301), RestoreInterval.of(300, 300)));
    }

    @Test
    void aPlusArchivelogSetThatTheArchiveContinuesReachesItsCheckpointLikeAnyOther() {
        RestoreWindow window = RestoreWindow.of(List.of(plusArchivelog(full(1, 250, 300))), List.of(piece(1, 1, 1, 200, 700, 800)));

        assertThat(window.intervals()).containsExactly(RestoreInterval.of(300, 700));
    }

    @Test
    void encryptionLeavesTheWindowAloneButTheRestoreNeedsThePassword() {
        List<RestoreSet> sets = List.of(encrypted(full(1, 250, 300)), inc(2, 1, 1, 450, 460));
        RestoreWindow encrypted = RestoreWindow.of(sets, GAP_PIECES);
        RestoreWindow plain = RestoreWindow.of(List.of(full(1, 250, 300), inc(2, 1, 1, 450, 460)), GAP_PIECES);

        assertThat(encrypted.intervals()).containsExactly(RestoreInterval.of(300, 500)).isEqualTo(plain.intervals());
        PointCheck.Inside inside = (PointCheck.Inside) encrypted.check(new Scn(480));
        assertThat(inside.sets()).extracting(RestoreSet::backupSetId).containsExactly(1L, 2L);
        assertThat(inside.needsDecryption()).isTrue();
        assertThat(inside.explanation()).isEqualTo("1970-01-01 00:00:00.00000048 UTC is restorable from backup sets 1, 2. The backup is encrypted: the restore needs its backup password.");
        assertThat(((PointCheck.Inside) plain.check(new Scn(480))).needsDecryption()).isFalse();
        assertThat(encrypted.needsDecryption()).isTrue();
        assertThat(plain.needsDecryption()).isFalse();
    }

    @Test
    void theTimelineDrawsTheUsableSetsAndWhatTheArchiveCoversWithoutABreak() {
        RestoreWindow window = RestoreWindow.of(List.of(full(1, 250, 300), full(2, 850, 900), failed(full(3, 1000, 1100))),
                GAP_PIECES);

        assertThat(window.usableSets()).extracting(RestoreSet::backupSetId).containsExactly(1L, 2L);
        assertThat(window.archiveCoverage()).containsExactly(RestoreInterval.of(200, 500), RestoreInterval.of(800, 1500));
    }

    @Test
    void anIncrementalSetWithoutItsFullSetIsNotRestorable() {
        RestoreWindow window = RestoreWindow.of(List.of(inc(2, 1, 1, 250, 300)), GAP_PIECES);

        assertThat(window.intervals()).isEmpty();
        assertThat(window.unrestorable()).contains(Unrestorable.NO_BACKUP_SET);
        assertThat(window.check(new Scn(400))).isEqualTo(new PointCheck.NoWindow(new Scn(400), Unrestorable.NO_BACKUP_SET));
    }

    @Test
    void anIncrementalSetCountsOnlyWhileItsWholeChainIsAvailable() {
        List<ArchivePiece> pieces = List.of(piece(1, 1, 1, 200, 500, 500), piece(1, 1, 2, 500, 900, 1000));
        RestoreSet full = full(1, 250, 300);
        RestoreSet first = inc(2, 1, 1, 550, 600);
        RestoreSet second = inc(3, 1, 2, 750, 800);
        RestoreSet ofAnotherFull = inc(4, 9, 3, 760, 770);

        // set 4 names set 3 before it but another full set: it counts for nothing
        assertThat(RestoreWindow.of(List.of(full, first, second, ofAnotherFull), pieces).check(new Scn(850)))
                .isEqualTo(new PointCheck.Inside(new Scn(850), List.of(full, first, second)));
        RestoreWindow broken = RestoreWindow.of(List.of(withFileStatus(full, FileStatus.DELETED), first, second),
                pieces);
        assertThat(broken.intervals()).isEmpty();
        assertThat(broken.unrestorable()).contains(Unrestorable.NO_BACKUP_SET);
        // the middle set failed: the last one builds on nothing, the full set alone still reaches the checkpoint
        RestoreWindow gapInChain = RestoreWindow.of(List.of(full, failed(first), second), pieces);
        assertThat(gapInChain.intervals()).containsExactly(RestoreInterval.of(300, 900));
        assertThat(gapInChain.check(new Scn(850))).isEqualTo(new PointCheck.Inside(new Scn(850), List.of(full)));
    }

    @Test
    void failedAndDeletedSetsAreIgnored() {
        RestoreWindow window = RestoreWindow.of(List.of(failed(full(1, 150, 160)), withFileStatus(full(2, 250, 300), FileStatus.DELETED),
                full(3, 850, 900)), GAP_PIECES);
        RestoreWindow none = RestoreWindow.of(List.of(failed(full(1, 250, 300)), withFileStatus(full(2, 850, 900), FileStatus.EXPIRED)),
                GAP_PIECES);

        assertThat(window.intervals()).containsExactly(RestoreInterval.of(900, 1500));
        assertThat(none.intervals()).isEmpty();
        assertThat(none.unrestorable()).contains(Unrestorable.NO_BACKUP_SET);
    }

    @Test
    void piecesOfAnotherDestinationDoNotContinueTheChain() {
        List<RestoreSet> sets = List.of(full(1, 90, 100));

        assertThat(RestoreWindow.of(sets, List.of(piece(1, 1, 1, 50, 500, 500), piece(2, 1, 1, 500, 1000, 1000))).intervals())
                .containsExactly(RestoreInterval.of(100, 500));
        assertThat(RestoreWindow.of(sets, List.of(piece(1, 1, 1, 50, 500, 500), piece(1, 1, 2, 500, 1000, 1000))).intervals())
                .containsExactly(RestoreInterval.of(100, 1000));
    }

    @Test
    void anUnavailablePieceOpensAGap() {
        List<ArchivePiece> pieces = List.of(piece(1, 1, 1, 50, 500, 500), withFileStatus(piece(1, 1, 2, 500, 800, 800), FileStatus.DELETING),
                piece(1, 1, 3, 800, 1000, 1000));

        assertThat(RestoreWindow.of(List.of(full(1, 90, 100), full(2, 850, 860)), pieces).intervals())
                .containsExactly(RestoreInterval.of(100, 500), RestoreInterval.of(860, 1000));
    }

    @Test
    void withoutAnyBackupSetThereIsNoWindow() {
        RestoreWindow window = RestoreWindow.of(List.of(), GAP_PIECES);

        assertThat(window.intervals()).isEmpty();
        assertThat(window.earliest()).isEmpty();
        assertThat(window.latest()).isEmpty();
        assertThat(window.check(new Scn(400)).explanation()).startsWith("No successful backup set");
        assertThat(window.summary()).startsWith("not restorable: No successful backup set");
    }

    @Test
    void setsWithoutArchiveLogFromTheirStartHaveNoWindow() {
        RestoreWindow window = RestoreWindow.of(List.of(full(1, 150, 160)), GAP_PIECES);

        assertThat(window.intervals()).isEmpty();
        assertThat(window.unrestorable()).contains(Unrestorable.NO_ARCHIVE_LOG);
    }

    @Test
    void piecesBehindTheLatestSetLeaveItOutOfTheWindow() {
        RestoreWindow window = RestoreWindow.of(List.of(full(1, 90, 100), full(2, 1900, 2000)),
                List.of(piece(1, 1, 1, 50, 500, 500), piece(1, 1, 2, 500, 1000, 1100)));

        assertThat(window.intervals()).containsExactly(RestoreInterval.of(100, 1000));
        assertThat(window.check(new Scn(2000))).isEqualTo(new PointCheck.AfterLatest(new Scn(2000), RestoreInterval.of(100, 1000)));
    }

    @Test
    void aChainThatStopsAtTheMinRestoreScnGivesThatOnePoint() {
        assertThat(RestoreWindow.of(List.of(full(1, 90, 100)), List.of(piece(1, 1, 1, 50, 100, 200))).intervals())
                .containsExactly(RestoreInterval.of(100, 100));
        assertThat(RestoreWindow.of(List.of(full(1, 90, 100)), List.of(piece(1, 1, 1, 50, 99, 200))).intervals()).isEmpty();
    }

    @Test
    void overlappingAndTouchingReachesMergeIntoOneInterval() {
        RestoreWindow window = RestoreWindow.of(List.of(full(1, 90, 100), full(2, 1000, 1001), full(3, 1500, 1600),
                        plusArchivelog(full(4, 1201, 1201))),
                List.of(piece(1, 1, 1, 50, 500, 500), piece(1, 1, 2, 500, 1000, 1000), piece(1, 2, 3, 1000, 1200, 1200),
                        piece(1, 3, 4, 1400, 2000, 2000)));

        // round 2 starts where round 1 ended (1000), so one chain carries sets 1 and 2; set 4's lone point 1201 touches it
        assertThat(window.intervals()).containsExactly(RestoreInterval.of(100, 1201), RestoreInterval.of(1600, 2000));
    }

    @Test
    void anScnIsNanosecondsSinceTheEpoch() {
        // the docs' TIMESTAMP_TO_SCN('2023-02-21 00:00:01') in a +08:00 session
        Scn scn = Scn.of(Instant.parse("2023-02-20T16:00:01Z"));

        assertThat(scn.value()).isEqualTo(1676908801000000000L);
        assertThat(scn.toInstant()).isEqualTo(Instant.parse("2023-02-20T16:00:01Z"));
        assertThat(Scn.parse(" 1676908801000000007 ").toInstant()).isEqualTo(Instant.parse("2023-02-20T16:00:01.000000007Z"));
        assertThat(scn.utc()).isEqualTo("2023-02-20 16:00:01 UTC");
    }

    @Test
    void anScnThatCannotBeOneIsRefusedInPlainWords() {
        assertThat(List.of("", "0", "-5", "12ab", "99999999999999999999", "9223372036854775808")).allSatisfy(text ->
                assertThatThrownBy(() -> Scn.parse(text)).as(text)
                        .isInstanceOf(InvalidRestorePointException.class).hasMessageStartingWith("An SCN is"));
        assertThatThrownBy(() -> Scn.of(Instant.parse("2300-01-01T00:00:00Z")))
                .isInstanceOf(InvalidRestorePointException.class).hasMessageContaining("later than the last point");
    }

    @Test
    void aSetFileRowReadsAsARestoreSetAndAnUnknownFileStatusCountsAsUnavailable() {
        BackupSetFile row = new BackupSetFile(1002, 7, "INC", 5, 6, null, null, "SUCCESS", " available ", 60, false, 0, 0, 0,
                "", "file:///backup/data");
        RestoreSet set = RestoreSet.of(row, true, new Scn(850), new Scn(900));

        assertThat(set).isEqualTo(new RestoreSet(7, BackupType.INCREMENTAL, 5, 6, true, FileStatus.AVAILABLE, false, true,
                new Scn(850), new Scn(900)));
        assertThat(FileStatus.of("HAS_INCOMPLETE")).isEqualTo(FileStatus.UNKNOWN);
        assertThat(RestoreWindow.of(List.of(withFileStatus(full(1, 250, 300), FileStatus.of("SOMETHING_NEW"))), GAP_PIECES)
                .unrestorable()).contains(Unrestorable.NO_BACKUP_SET);
    }

    static RestoreSet full(long id, long startReplay, long minRestore) {
        return new RestoreSet(id, BackupType.FULL, 0, 0, true, FileStatus.AVAILABLE, false, false, new Scn(startReplay),
                new Scn(minRestore));
    }

    static RestoreSet inc(long id, long prevFull, long prevInc, long startReplay, long minRestore) {
        return new RestoreSet(id, BackupType.INCREMENTAL, prevFull, prevInc, true, FileStatus.AVAILABLE, false, false,
                new Scn(startReplay), new Scn(minRestore));
    }

    static ArchivePiece piece(long dest, long round, long id, long start, long checkpoint, long end) {
        return new ArchivePiece(dest, round, id, new Scn(start), new Scn(checkpoint), new Scn(end), FileStatus.AVAILABLE);
    }

    private static RestoreSet failed(RestoreSet s) {
        return new RestoreSet(s.backupSetId(), s.type(), s.prevFullBackupSetId(), s.prevIncBackupSetId(), false, s.fileStatus(),
                s.plusArchivelog(), s.encrypted(), s.startReplayScn(), s.minRestoreScn());
    }

    private static RestoreSet withFileStatus(RestoreSet s, FileStatus status) {
        return new RestoreSet(s.backupSetId(), s.type(), s.prevFullBackupSetId(), s.prevIncBackupSetId(), s.succeeded(), status,
                s.plusArchivelog(), s.encrypted(), s.startReplayScn(), s.minRestoreScn());
    }

    private static RestoreSet plusArchivelog(RestoreSet s) {
        return new RestoreSet(s.backupSetId(), s.type(), s.prevFullBackupSetId(), s.prevIncBackupSetId(), s.succeeded(),
                s.fileStatus(), true, s.encrypted(), s.startReplayScn(), s.minRestoreScn());
    }

    private static RestoreSet encrypted(RestoreSet s) {
        return new RestoreSet(s.backupSetId(), s.type(), s.prevFullBackupSetId(), s.prevIncBackupSetId(), s.succeeded(),
                s.fileStatus(), s.plusArchivelog(), true, s.startReplayScn(), s.minRestoreScn());
    }

    private static ArchivePiece withFileStatus(ArchivePiece p, FileStatus status) {
        return new ArchivePiece(p.destId(), p.roundId(), p.pieceId(), p.startScn(), p.checkpointScn(), p.endScn(), status);
    }
}
