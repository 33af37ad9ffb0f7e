package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.backup.InputValidation;
import io.obconsole.policy.ObjectiveFigures;
import io.obconsole.policy.PolicyRunView;
import io.obconsole.policy.PolicyService;
import io.obconsole.policy.PolicyView;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Backup policies: one per tenant ({@code *} for every tenant of a cluster); the same rules as the pages. */
@Path("/api/v1/policies")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
public class PoliciesResource {

    private final PolicyService policies;
    private final Permissions permissions;
    private final InputValidation validation;

    PoliciesResource(PolicyService policies, Permissions permissions, InputValidation validation) {
        this.policies = policies;
        this.permissions = permissions;
        this.validation = validation;
    }

    @GET
    @Operation(summary = "The backup policies you may see, each with its next five runs")
    public List<PolicyView> list() {
        return policies.list(permissions.current());
    }

    @GET
    @Path("{cluster}/{tenant}")
    @Operation(summary = "A tenant's policy ('*' as tenant: the policy over every tenant of the cluster)")
    @APIResponse(responseCode = "404", description = "No such cluster, or the tenant has no policy")
    public PolicyView read(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return policies.get(permissions.current(), cluster, tenant);
    }

    @PUT
    @Path("{cluster}/{tenant}")
    @Operation(summary = "Create the tenant's policy or replace it whole; you become its owner")
    @APIResponse(responseCode = "200", description = "The policy as stored, with its next runs")
    @APIResponse(responseCode = "400", description = "Bad schedule, zone, option or secret name")
    @APIResponse(responseCode = "403", description = "You may not operate this tenant")
    public PolicyView save(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @NotNull(message = "{policy.body}") PolicyBody body) {
        // the body's shape is checked once the person may manage the policy: forbidden comes first
        return policies.save(permissions.current(), cluster, tenant, () -> {
            validation.valid(body);
            validation.valid(body.objectiveFigures(), ObjectiveFigures.RecoveryPoint.class);
            return body.toSpec();
        });
    }

    @POST
    @Path("{cluster}/{tenant}/pause")
    @Operation(summary = "Pause the policy: nothing runs until it is resumed")
    public PolicyView pause(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return policies.pause(permissions.current(), cluster, tenant);
    }

    @POST
    @Path("{cluster}/{tenant}/resume")
    @Operation(summary = "Resume the policy; slots that passed while it was paused are not owed")
    public PolicyView resume(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return policies.resume(permissions.current(), cluster, tenant);
    }

    @DELETE
    @Path("{cluster}/{tenant}")
    @ResponseStatus(204)
    @Operation(summary = "Delete the policy (its runs stay listed in the audit trail)")
    public void delete(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        policies.delete(permissions.current(), cluster, tenant);
    }

    @GET
    @Path("{cluster}/{tenant}/runs")
    @Operation(summary = "The policy's runs, newest first: started (with their jobs), skipped (with why), missed")
    public List<PolicyRunView> runs(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @Parameter(description = "How many (1-500)") @QueryParam("limit") @DefaultValue("50") int limit) {
        return policies.runs(permissions.current(), cluster, tenant, limit);
    }
}
