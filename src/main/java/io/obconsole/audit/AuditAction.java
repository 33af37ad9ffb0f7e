package io.obconsole.audit;

import io.obconsole.cluster.BackupType;

/**
 * Every kind of action the audit trail records, by the name it is stored and filtered under: the
 * one list the trail, its readers' filters and the code that records actions share, so an action
 * the trail can hold is always one a reader can ask for.
 */
public enum AuditAction {
    /** A full backup (an operator's, or a policy's on behalf of its owner). */
    BACKUP_FULL,
    BACKUP_INCREMENTAL,
    /** A backup request refused before its type was known. */
    BACKUP,
    /** The end of a job whose start the console did not record. */
    BACKUP_JOB,
    CANCEL,
    PREFLIGHT,
    /** A set-up change refused before its kind was known. */
    SETUP,
    SETUP_DATA_BACKUP_DEST,
    SETUP_LOG_ARCHIVE_DEST,
    SETUP_ARCHIVELOG,
    SETUP_NOARCHIVELOG,
    SETUP_DELETE_POLICY,
    SETUP_DROP_DELETE_POLICY,
    SETUP_READ,
    /** A policy save refused before it was known to create or change one. */
    POLICY_SAVE,
    POLICY_CREATE,
    POLICY_CHANGE,
    POLICY_DELETE,
    POLICY_PAUSE,
    POLICY_RESUME,
    POLICY_READ,
    OBJECTIVE_SET,
    OBJECTIVE_RESET,
    OBJECTIVE_READ,
    OBJECTIVES_READ,
    ALERT_CHANNEL_CREATE,
    ALERT_CHANNEL_UPDATE,
    ALERT_CHANNEL_DELETE,
    ALERT_CHANNEL_TEST,
    ALERT_CHANNELS,
    /** A restore into a new tenant (its refusals too). */
    RESTORE,
    RESTORE_CANCEL,
    RESTORE_ACTIVATE,
    /** A drill policy save refused before it was known to create or change one. */
    DRILL_POLICY_SAVE,
    DRILL_POLICY_CREATE,
    DRILL_POLICY_CHANGE,
    DRILL_POLICY_DELETE,
    DRILL_POLICY_PAUSE,
    DRILL_POLICY_RESUME,
    DRILL_POLICY_READ,
    /** A drill's run started by hand ("run now"). */
    DRILL_RUN_NOW,
    /** A drill run's preflight: the point, the pool, the drill cluster free of other drills. */
    DRILL_PREFLIGHT,
    /** A drill run's checks of the restored scratch tenant. */
    DRILL_CHECK,
    /** A drill run's clean-up: its scratch tenant dropped (or its restore cancelled), its pool and unit dropped. */
    DRILL_CLEANUP,
    AUDIT_READ,
    AUDIT_VERIFY,
    WATCH_PROGRESS,
    /** A page refused: viewing, operating or administering outside the person's role or scope. */
    VIEW,
    OPERATE,
    ADMIN;

    /** The action a backup of this kind is recorded as. */
    public static AuditAction backup(BackupType type) {
        return type == BackupType.FULL ? BACKUP_FULL : BACKUP_INCREMENTAL;
    }
}
