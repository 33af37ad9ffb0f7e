package io.obconsole.cluster;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** One cluster's user tenants and their backup state, read together at {@code clusterNow} (cluster time). */
public record ClusterSnapshot(String cluster, ClusterMode mode, String version, LocalDateTime clusterNow,
        List<TenantState> tenants) {

    public Optional<TenantState> tenant(String name) {
        return tenants.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<String> tenantNames() {
        return tenants.stream().map(TenantState::name).toList();
    }
}
