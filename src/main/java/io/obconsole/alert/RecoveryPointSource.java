package io.obconsole.alert;

/**
 * Where a tenant's recovery point comes from ({@link RecoveryPoint}): the archive checkpoint
 * (archiving DOING since a good backup set), the end of its newest good backup set, or nothing (no
 * set succeeded yet).
 */
public enum RecoveryPointSource {
    ARCHIVE, BACKUP_SET, NONE
}
