package io.obconsole.backup;

/**
 * A BACKUP or CANCEL the console sent was accepted by the cluster, so whoever shows that cluster's
 * jobs should look again now rather than at its next idle poll.
 */
public record BackupsChanged(String cluster) {
}
