package io.obconsole.fleet;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.cluster.TenantState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a person may see of the fleet: the clusters with only the tenants in their view scope,
 * and the jobs of those tenants. Pages and the API read through it alike; nothing here reaches
 * a cluster.
 */
@ApplicationScoped
public class FleetView {

    private final Fleet fleet;
    private final Permissions permissions;

    public FleetView(Fleet fleet, Permissions permissions) {
        this.fleet = fleet;
        this.permissions = permissions;
    }

    /** Every configured cluster (names are not secret), read or not, with the tenants {@code who} may view. */
    public List<VisibleCluster> clusters(Operator who) {
        return fleet.clusters().stream().map(state -> visible(who, state)).toList();
    }

    /** One cluster; {@link io.obconsole.cluster.UnknownClusterException} if it is not configured. */
    public VisibleCluster cluster(Operator who, String cluster) {
        return visible(who, fleet.cluster(cluster));
    }

    /** Running and recent jobs of the visible tenants, newest first, and the clusters that could not be read. */
    public JobList jobs(Operator who, JobFilter filter) {
        List<FleetJob> jobs = new ArrayList<>();
        List<ClusterState> unreadable = new ArrayList<>();
        List<ClusterState> states = filter.cluster() == null ? fleet.clusters() : List.of(fleet.cluster(filter.cluster()));
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

    private VisibleCluster visible(Operator who, ClusterState state) {
        return new VisibleCluster(state, state.tenants().stream()
                .filter(t -> permissions.canView(who, state.cluster(), t.name())).toList());
    }

    /** A cluster's state and the tenants of it one person may see. */
    public record VisibleCluster(ClusterState state, List<TenantState> tenants) {
    }

    /** Jobs across clusters, newest first, with the clusters whose last read failed or has not happened. */
    public record JobList(List<FleetJob> jobs, List<ClusterState> unreadable) {
    }
}
