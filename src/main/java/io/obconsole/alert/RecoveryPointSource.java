package io.obconsole.alert;

/**
 * Where a tenant's recovery point ({@link RecoveryPoint}, its window's upper end) lies: in the
 * archived log past its newest good backup set, at the end of that set, or nowhere (the window is
 * empty).
 */
public enum RecoveryPointSource {
    ARCHIVE, BACKUP_SET, NONE
}
