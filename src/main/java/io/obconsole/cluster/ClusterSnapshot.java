package io.obconsole.cluster;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One cluster's user tenants and their backup state, read together at {@code clusterNow} (cluster time).
 *
 * @param sysJobs the sys tenant's open CLUSTER jobs (sys mode; always empty in tenant mode): while
 *                one is open, OceanBase refuses every new backup from sys
 */
public record ClusterSnapshot(String cluster, ClusterMode mode, String version, LocalDateTime clusterNow,
        List<TenantState> tenants, List<BackupJob> sysJobs) {

    public ClusterSnapshot {
        sysJobs = sysJobs == null ? List.of() : List.copyOf(sysJobs);
    }

    public ClusterSnapshot(String cluster, ClusterMode mode, String version, LocalDateTime clusterNow,
            List<TenantState> tenants) {
        this(cluster, mode, version, clusterNow, tenants, List.of());
    }

    public Optional<TenantState> tenant(String name) {
        return tenants.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<String> tenantNames() {
        return tenants.stream().map(TenantState::name).toList();
    }
}
