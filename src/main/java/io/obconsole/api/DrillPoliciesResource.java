package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.backup.InputValidation;
import io.obconsole.drill.DrillPolicyView;
import io.obconsole.drill.DrillRunView;
import io.obconsole.drill.DrillService;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Restore drill policies: one per tenant ({@code *} for every tenant of a cluster); admins manage, others read. */
@Path("/api/v1/drill-policies")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Restore drills")
public class DrillPoliciesResource {

    private final DrillService drills;
    private final Permissions permissions;
    private final InputValidation validation;

    DrillPoliciesResource(DrillService drills, Permissions permissions, InputValidation validation) {
        this.validation = validation;
        this.drills = drills;
        this.permissions = permissions;
    }

    @GET
    @Operation(summary = "The drill policies of the tenants you may see, each with its next run")
    public List<DrillPolicyView> list() {
        return drills.list(permissions.current());
    }

    @GET
    @Path("{cluster}/{tenant}")
    @Operation(summary = "A tenant's drill policy ('*' as tenant: the policy over every tenant of the cluster)")
    @APIResponse(responseCode = "404", description = "No such cluster, or the tenant has no drill policy")
    public DrillPolicyView read(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return drills.get(permissions.current(), cluster, tenant);
    }

    @PUT
    @Path("{cluster}/{tenant}")
    @Operation(summary = "Create the tenant's drill policy or replace it whole (admins); you become its owner")
    @APIResponse(responseCode = "200", description = "The policy as stored, with its next run")
    @APIResponse(responseCode = "400", description = "Bad schedule, zone, cluster, pool, point, limit or secret name")
    @APIResponse(responseCode = "403", description = "Only admins manage drill policies")
    public DrillPolicyView save(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @NotNull(message = "{drill.body}") DrillPolicyBody body) {
        // the body's shape is checked once the person may manage drill policies: forbidden comes first
        return drills.save(permissions.current(), cluster, tenant, () -> validation.valid(body).toSpec());
    }

    @DELETE
    @Path("{cluster}/{tenant}")
    @ResponseStatus(204)
    @Operation(summary = "Delete the drill policy (admins); its drills stay in the tenant's history")
    public void delete(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        drills.delete(permissions.current(), cluster, tenant);
    }

    @POST
    @Path("{cluster}/{tenant}/pause")
    @Operation(summary = "Pause the drill policy (admins): no slot is drilled until it is resumed")
    public DrillPolicyView pause(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return drills.pause(permissions.current(), cluster, tenant);
    }

    @POST
    @Path("{cluster}/{tenant}/resume")
    @Operation(summary = "Resume the drill policy (admins)")
    public DrillPolicyView resume(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return drills.resume(permissions.current(), cluster, tenant);
    }

    @POST
    @Path("{cluster}/{tenant}/run")
    @ResponseStatus(202)
    @Operation(summary = "Drill now, outside the schedule (admins): the runs claimed, one per tenant, moved on by the "
            + "console in the background")
    public List<DrillRunView> runNow(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return drills.runNow(permissions.current(), cluster, tenant);
    }
}
