package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.alert.Objectives;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recovery-point, restore-time and proven-within objectives per tenant, as far as the caller may see them; admins set a tenant's own. */
@Path("/api/v1/objectives")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Objectives")
public class ObjectivesResource {

    private final Objectives objectives;
    private final Permissions permissions;

    ObjectivesResource(Objectives objectives, Permissions permissions) {
        this.objectives = objectives;
        this.permissions = permissions;
    }

    @GET
    @Operation(summary = "Every tenant in the caller's scope against its objective, worst first")
    public List<ObjectiveView> list(@QueryParam("cluster") String cluster) {
        return objectives.visible(permissions.current(), cluster == null || cluster.isBlank() ? null : cluster.trim())
                .stream().map(ObjectiveView::of).toList();
    }

    @GET
    @Path("{cluster}/{tenant}")
    @Operation(summary = "One tenant against its objective")
    public ObjectiveView one(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return ObjectiveView.of(objectives.one(permissions.current(), cluster, tenant));
    }

    @PUT
    @Path("{cluster}/{tenant}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the tenant's own objective (admins); a null figure keeps the cluster's default")
    public ObjectiveView set(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant, ObjectiveBody body) {
        ObjectiveBody b = body == null ? new ObjectiveBody(null, null, null, null, null) : body;
        return ObjectiveView.of(objectives.set(permissions.current(), cluster, tenant, b.maxBackupAge(), b.maxFullAge(),
                b.maxArchiveLag(), b.maxRestoreTime(), b.provenWithin()));
    }

    @DELETE
    @Path("{cluster}/{tenant}")
    @Operation(summary = "Remove the tenant's own objective (admins): the cluster's default applies again")
    public ObjectiveView reset(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return ObjectiveView.of(objectives.set(permissions.current(), cluster, tenant, null, null, null, null, null));
    }
}
