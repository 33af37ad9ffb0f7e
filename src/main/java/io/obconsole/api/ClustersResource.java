package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.fleet.FleetView;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.FleetView.VisibleCluster;
import io.obconsole.fleet.FleetView.VisibleTenant;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The managed clusters and their tenants' backup state, as far as the caller may see them (from the fleet read model). */
@Path("/api/v1/clusters")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters")
public class ClustersResource {

    private final FleetView fleet;
    private final Permissions permissions;

    ClustersResource(FleetView fleet, Permissions permissions) {
        this.fleet = fleet;
        this.permissions = permissions;
    }

    @GET
    @Operation(summary = "Every configured cluster: reachable (version, visible tenants) or unreachable and why")
    public List<ClusterView> clusters() {
        return fleet.clusters(permissions.current()).stream().map(ClusterView::of).toList();
    }

    @GET
    @Path("{cluster}/tenants")
    @Operation(summary = "The cluster's user tenants the caller may see, with archive, destination, concurrency, "
            + "last full and incremental backup sets and running jobs")
    @APIResponse(responseCode = "404", description = "No such cluster")
    @APIResponse(responseCode = "503", description = "The cluster does not answer")
    public List<TenantView> tenants(@PathParam("cluster") String cluster) {
        VisibleCluster visible = fleet.cluster(permissions.current(), cluster);
        requireRead(visible.state());
        return visible.tenants().stream().map(TenantView::of).toList();
    }

    @GET
    @Path("{cluster}/tenants/{tenant}/recoverable-window")
    @Operation(summary = "The points in time the tenant can be restored to (spec: backup sets and archive pieces), "
            + "as SCN and UTC: intervals (more than one where the archive has a gap), earliest, latest and its age, "
            + "whether a restore needs the backup password, or why it cannot be restored at all")
    @APIResponse(responseCode = "200", description = "The window as the console last read the cluster")
    @APIResponse(responseCode = "400", description = "Not a tenant name")
    @APIResponse(responseCode = "404", description = "No such cluster or tenant (or none the caller may see)")
    @APIResponse(responseCode = "503", description = "The cluster has not been read or does not answer")
    public RecoverableWindowView recoverableWindow(@PathParam("cluster") String cluster,
            @PathParam("tenant") String tenant) {
        VisibleCluster visible = fleet.cluster(permissions.current(), cluster);
        requireRead(visible.state());
        VisibleTenant shown = fleet.tenant(permissions.current(), cluster, tenant);
        return RecoverableWindowView.of(shown, shown.window().orElseThrow(
                () -> new ClusterUnreachableException(cluster, ClusterView.NOT_READ_YET, null)));
    }

    /** The answer comes from the last read: none yet, or the cluster stopped answering, is a 503. */
    private static void requireRead(ClusterState state) {
        if (!state.reachable() || !state.read()) {
            throw new ClusterUnreachableException(state.cluster(), ClusterView.reason(state), null);
        }
    }
}
