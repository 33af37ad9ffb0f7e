package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.backup.BackupOverview;
import io.obconsole.cluster.ClusterSnapshot;
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

/** The managed clusters and their tenants' backup state, as far as the caller may see them. */
@Path("/api/v1/clusters")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters")
public class ClustersResource {

    private final BackupOverview overview;
    private final Permissions permissions;

    ClustersResource(BackupOverview overview, Permissions permissions) {
        this.overview = overview;
        this.permissions = permissions;
    }

    @GET
    @Operation(summary = "Every configured cluster: reachable (version, visible tenants) or unreachable and why")
    public List<ClusterView> clusters() {
        return overview.clusters(permissions.current()).stream().map(ClusterView::of).toList();
    }

    @GET
    @Path("{cluster}/tenants")
    @Operation(summary = "The cluster's user tenants the caller may see, with archive, destination, concurrency, "
            + "last full and incremental backup sets and running jobs")
    @APIResponse(responseCode = "404", description = "No such cluster")
    @APIResponse(responseCode = "503", description = "The cluster does not answer")
    public List<TenantView> tenants(@PathParam("cluster") String cluster) {
        ClusterSnapshot snapshot = overview.tenants(permissions.current(), cluster);
        return snapshot.tenants().stream().map(TenantView::of).toList();
    }
}
