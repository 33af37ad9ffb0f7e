package io.obconsole.fleet;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.TenantState;
import io.obconsole.cluster.UnknownTenantException;
import io.obconsole.cluster.UnknownClusterException;
import io.obconsole.window.RestoreWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a person may see of the fleet: the clusters that hold a tenant in their view scope, with
 * only those tenants, and the jobs of those tenants. A cluster outside the scope is not there at
 * all (not its name, version or reachability): asked for by name, it is as unknown as one that is
 * not configured. Pages and the API read through it alike; nothing here reaches a cluster.
 */
@ApplicationScoped
public class FleetView {

    private final Fleet fleet;
    private final Permissions permissions;

    public FleetView(Fleet fleet, Permissions permissions) {
        this.fleet = fleet;
        this.permissions = permissions;
    }

    /** The clusters {@code who} sees, read or not, each with the tenants {@code who} may view. */
    public List<VisibleCluster> clusters(Operator who) {
        return fleet.clusters().stream().filter(state -> permissions.canViewCluster(who, state.cluster()))
                .map(state -> visible(who, state)).toList();
    }

    /** One cluster; {@link UnknownClusterException} if it is not configured or {@code who} does not see it. */
    public VisibleCluster cluster(Operator who, String cluster) {
        return visible(who, state(who, cluster));
    }

    /**
     * One tenant {@code who} may view, as last read; a tenant outside their scope is as unknown as
     * one the cluster does not list ({@link UnknownTenantException}, naming only what was asked).
     * Before the cluster's first read no tenant is known: callers check {@link ClusterState#read()} first.
     */
    public VisibleTenant tenant(Operator who, String cluster, String tenant) {
        ObDialect.checkTenantName(tenant);
        VisibleCluster visible = cluster(who, cluster);
        return visible.tenants().stream().filter(t -> t.name().equals(tenant)).findFirst()
                .map(t -> new VisibleTenant(visible.state(), t))
                .orElseThrow(() -> new UnknownTenantException(cluster, tenant));
    }

    /** Running and recent jobs of the visible tenants, newest first, and the clusters that could not be read. */
    public JobList jobs(Operator who, JobFilter filter) {
        List<FleetJob> jobs = new ArrayList<>();
        List<ClusterState> unreadable = new ArrayList<>();
        List<ClusterState> states = filter.cluster() == null ? clusters(who).stream().map(VisibleCluster::state).toList()
                : List.of(state(who, filter.cluster()));
        for (ClusterState state : states) {
            if (!state.reachable() || state.progressReadAt() == null) {
                unreadable.add(state);
            }
            state.jobs().stream().filter(j -> permissions.canView(who, j.cluster(), j.tenant())).filter(filter::matches)
                    .forEach(jobs::add);
        }
        jobs.sort(Comparator.comparing((FleetJob j) -> j.job().start(), Comparator.nullsLast(Comparator.reverseOrder())));
        return new JobList(jobs, unreadable);
    }

    private ClusterState state(Operator who, String cluster) {
        if (!permissions.canViewCluster(who, cluster)) {
            throw new UnknownClusterException(cluster);
        }
        return fleet.cluster(cluster);
    }

    private VisibleCluster visible(Operator who, ClusterState state) {
        return new VisibleCluster(state, state.tenants().stream()
                .filter(t -> permissions.canView(who, state.cluster(), t.name())).toList());
    }

    /** A cluster's state and the tenants of it one person may see. */
    public record VisibleCluster(ClusterState state, List<TenantState> tenants) {
    }

    /** A tenant one person may see, with its cluster's state. */
    public record VisibleTenant(ClusterState state, TenantState tenant) {

        /** Its recoverable window as of the state read; empty before that read. */
        public Optional<RestoreWindow> window() {
            return state.window(tenant.tenant().id());
        }
    }

    /** Jobs across clusters, newest first, with the clusters whose last read failed or has not happened. */
    public record JobList(List<FleetJob> jobs, List<ClusterState> unreadable) {
    }
}
