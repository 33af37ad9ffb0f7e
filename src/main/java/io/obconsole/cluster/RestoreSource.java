package io.obconsole.cluster;

import java.util.List;

/**
 * Where a tenant's backups lie, read from its cluster for a restore: its data backup destination
 * and its log archive destination, each as OceanBase holds it. {@link #toString()} masks credentials.
 */
public record RestoreSource(String cluster, Tenant tenant, BackupDestination data, BackupDestination archive) {

    /** The URIs the RESTORE reads, data first; empty when a destination is missing. */
    public List<BackupDestination> uris() {
        return data == null || archive == null ? List.of() : List.of(data, archive);
    }

    @Override
    public String toString() {
        return cluster + "/" + tenant.name() + " from " + (data == null ? "-" : data.masked()) + ", "
                + (archive == null ? "-" : archive.masked());
    }
}
