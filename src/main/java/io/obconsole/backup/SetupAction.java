package io.obconsole.backup;

import io.obconsole.audit.AuditAction;

/** The changes an administrator makes to a tenant's backup set-up in OceanBase; each is audited as {@code SETUP_<name>}. */
public enum SetupAction {
    /** Set the data backup destination (value: the URI). */
    DATA_BACKUP_DEST(AuditAction.SETUP_DATA_BACKUP_DEST),
    /** Set the log archive destination (value: the URI, written after LOCATION=). */
    LOG_ARCHIVE_DEST(AuditAction.SETUP_LOG_ARCHIVE_DEST),
    /** Start log archiving: BEGINNING, then DOING. */
    ARCHIVELOG(AuditAction.SETUP_ARCHIVELOG),
    /** Stop log archiving: STOPPING, then STOP. */
    NOARCHIVELOG(AuditAction.SETUP_NOARCHIVELOG),
    /** Add (or change) the delete policy 'default' (value: the recovery window, e.g. 7d). */
    DELETE_POLICY(AuditAction.SETUP_DELETE_POLICY),
    /** Drop the delete policy 'default'. */
    DROP_DELETE_POLICY(AuditAction.SETUP_DROP_DELETE_POLICY);

    private final AuditAction audited;

    SetupAction(AuditAction audited) {
        this.audited = audited;
    }

    /** The action's name in the audit trail. */
    public AuditAction audited() {
        return audited;
    }

    /** Whether the value is a destination URI (a credential may be in it). */
    public boolean takesDestination() {
        return this == DATA_BACKUP_DEST || this == LOG_ARCHIVE_DEST;
    }
}
