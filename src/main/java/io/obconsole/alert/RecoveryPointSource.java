package io.obconsole.alert;

/** Where a tenant's recovery point comes from: the archive checkpoint (archiving DOING), the end of its newest good backup set, or nothing. */
public enum RecoveryPointSource {
    ARCHIVE, BACKUP_SET, NONE
}
