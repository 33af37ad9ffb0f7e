package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.drill.DrillProof;
import io.obconsole.drill.DrillRunView;
import io.obconsole.drill.DrillService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What restore drills proved of a tenant, and its drill history . */
@Path("/api/v1/drills/{cluster}/{tenant}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Restore drills")
public class DrillsResource {

    private final DrillService drills;
    private final Permissions permissions;

    DrillsResource(DrillService drills, Permissions permissions) {
        this.drills = drills;
        this.permissions = permissions;
    }

    @GET
    @Path("proof")
    @Operation(summary = "Last proven restorable: when, to a point how old, and how long the restore took; the last drill")
    public DrillProof proof(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return drills.proof(permissions.current(), cluster, tenant);
    }

    @GET
    @Operation(summary = "The tenant's drills, newest first: state, point, restore duration, checks, failure")
    public List<DrillRunView> history(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @Parameter(description = "How many (1-500)") @QueryParam("limit") @DefaultValue("50") int limit) {
        return drills.history(permissions.current(), cluster, tenant, limit);
    }
}
