package io.obconsole.alert;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.fleet.TenantsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest evaluation of every tenant, replaced whole after each objective round and read
 * without locks by pages, the API and the metrics (no cluster is queried to answer). When what a
 * page shows of a tenant's evaluation changes, {@link TenantsChanged} says so.
 */
@ApplicationScoped
public class ObjectiveBoard {

    private final AtomicReference<List<TenantObjective>> latest = new AtomicReference<>(List.of());
    private final Permissions permissions;
    private final Event<TenantsChanged> changes;

    public ObjectiveBoard(Permissions permissions, Event<TenantsChanged> changes) {
        this.permissions = permissions;
        this.changes = changes;
    }

    void replace(List<TenantObjective> evaluated) {
        List<TenantObjective> before = latest.getAndSet(evaluated.stream().sorted(TenantObjective.WORST_FIRST).toList());
        Map<String, List<Object>> was = new HashMap<>();
        before.forEach(o -> was.put(o.cluster() + "/" + o.tenant(), shown(o)));
        Map<String, Set<String>> changed = new HashMap<>();
        for (TenantObjective o : evaluated) {
            if (!shown(o).equals(was.remove(o.cluster() + "/" + o.tenant()))) {
                changed.computeIfAbsent(o.cluster(), c -> new TreeSet<>()).add(o.tenant());
            }
        }
        was.keySet().forEach(gone -> changed.computeIfAbsent(gone.substring(0, gone.indexOf('/')), c -> new TreeSet<>())
                .add(gone.substring(gone.indexOf('/') + 1)));
        changed.forEach((cluster, tenants) -> changes.fire(new TenantsChanged(cluster, Set.copyOf(tenants))));
    }

    /** What the pages show of an evaluation, its ages aside (those move with every round). */
    private static List<Object> shown(TenantObjective o) {
        return java.util.Arrays.asList(o.state(), o.recoveryPoint(), o.source(), o.noRecoveryPoint(), o.distance(), o.reasons(),
                o.objective());
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
