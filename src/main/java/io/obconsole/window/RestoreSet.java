package io.obconsole.window;

import io.obconsole.cluster.BackupType;
import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.RestorableSetFile;

/**
 * A backup set as a restore sees it ({@code CDB_OB_BACKUP_SET_FILES}): where its chain starts and
 * the SCNs it can be restored from. A restore replays the archive log from {@code startReplayScn}
 * and can stop at any point from {@code minRestoreScn} on.
 *
 * <p>Its own record rather than {@link BackupSetFile}: that one lacks {@code START_REPLAY_SCN},
 * {@code MIN_RESTORE_SCN} and the encryption mode, and keeps type and statuses as text;
 * {@link #of} builds one from it once those columns are read.
 *
 * @param plusArchivelog taken {@code PLUS ARCHIVELOG}: it carries the log up to {@code minRestoreScn} itself
 * @param encrypted      taken with a backup password: a restore from it needs {@code SET DECRYPTION IDENTIFIED BY}
 */
public record RestoreSet(long backupSetId, BackupType type, long prevFullBackupSetId, long prevIncBackupSetId,
        boolean succeeded, FileStatus fileStatus, boolean plusArchivelog, boolean encrypted, Scn startReplayScn,
        Scn minRestoreScn) {

    public static RestoreSet of(BackupSetFile file, boolean encrypted, Scn startReplayScn, Scn minRestoreScn) {
        return new RestoreSet(file.backupSetId(), file.incremental() ? BackupType.INCREMENTAL : BackupType.FULL,
                file.prevFullBackupSetId(), file.prevIncBackupSetId(), file.succeeded(), FileStatus.of(file.fileStatus()),
                file.plusArchivelog(), encrypted, startReplayScn, minRestoreScn);
    }

    /** A set as the fleet reads it, with its SCNs and encryption. */
    public static RestoreSet of(RestorableSetFile read) {
        return of(read.file(), read.encrypted(), new Scn(read.startReplayScn()), new Scn(read.minRestoreScn()));
    }

    /** Succeeded and still available: the first condition for a restore to use it. */
    public boolean intact() {
        return succeeded && fileStatus == FileStatus.AVAILABLE;
    }

    public boolean full() {
        return type == BackupType.FULL;
    }
}
