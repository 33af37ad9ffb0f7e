package io.obconsole.cluster;

/**
 * A backup set a restore may start from as read ({@code CDB_OB_BACKUP_SET_FILES}, succeeded and
 * available): the set and the three columns a restore needs beyond it.
 *
 * @param encryptionMode  the view's {@code ENCRYPTION_MODE}: NONE, or how the set is encrypted
 * @param startReplayScn  where the restore starts replaying the archive log
 * @param minRestoreScn   the first point the set can be restored to
 */
public record RestorableSetFile(BackupSetFile file, String encryptionMode, long startReplayScn, long minRestoreScn) {

    /** Taken with a backup password or a key: a restore from it must be told how to decrypt it. */
    public boolean encrypted() {
        return encryptionMode != null && !encryptionMode.isBlank() && !"NONE".equalsIgnoreCase(encryptionMode.trim());
    }
}
