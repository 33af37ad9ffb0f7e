package io.obconsole.backup;

/** What kind of data backup an operator asks for. */
public enum BackupType {
    FULL,
    INCREMENTAL;

    /** The action name the audit trail records. */
    public String action() {
        return this == FULL ? "BACKUP_FULL" : "BACKUP_INCREMENTAL";
    }
}
