package io.obconsole.backup;

import io.obconsole.audit.AuditAction;

/** What kind of data backup an operator asks for. */
public enum BackupType {
    FULL,
    INCREMENTAL;

    /** The action name the audit trail records. */
    public AuditAction action() {
        return this == FULL ? AuditAction.BACKUP_FULL : AuditAction.BACKUP_INCREMENTAL;
    }
}
