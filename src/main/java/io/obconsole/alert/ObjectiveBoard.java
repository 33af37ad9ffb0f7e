package io.obconsole.alert;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest evaluation of every tenant, replaced whole after each objective round and read
 * without locks by pages, the API and the metrics (no cluster is queried to answer).
 */
@ApplicationScoped
public class ObjectiveBoard {

    private final AtomicReference<List<TenantObjective>> latest = new AtomicReference<>(List.of());
    private final Permissions permissions;

    public ObjectiveBoard(Permissions permissions) {
        this.permissions = permissions;
    }

    void replace(List<TenantObjective> evaluated) {
        latest.set(evaluated.stream().sorted(TenantObjective.WORST_FIRST).toList());
    }

    /** Every tenant, worst first. */
    public List<TenantObjective> all() {
        return latest.get();
    }

    /** The tenants {@code who} may view, worst first; {@code cluster} narrows to one cluster when not null. */
    public List<TenantObjective> visible(Operator who, String cluster) {
        return latest.get().stream().filter(o -> cluster == null || o.cluster().equals(cluster))
                .filter(o -> permissions.canView(who, o.cluster(), o.tenant())).toList();
    }

    public Optional<TenantObjective> of(String cluster, String tenant) {
        return latest.get().stream().filter(o -> o.cluster().equals(cluster) && o.tenant().equals(tenant)).findFirst();
    }
}
