package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.restore.RestoreActionResult;
import io.obconsole.restore.RestoreService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Cancel and activate a restore of one tenant (its own class: under a cluster's path, where JAX-RS
 * matches the most specific resource path first).
 */
@Path("/api/v1/clusters/{cluster}/restores")
@Authenticated
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Restores")
public class RestoreActionsResource {

    private final RestoreService restores;
    private final Permissions permissions;

    RestoreActionsResource(RestoreService restores, Permissions permissions) {
        this.restores = restores;
        this.permissions = permissions;
    }

    @POST
    @Path("{tenant}/cancel")
    @ResponseStatus(202)
    @Operation(summary = "Cancel a running restore: OceanBase drops the tenant being restored and keeps its pools")
    @APIResponse(responseCode = "202", description = "OceanBase accepted the cancel")
    @APIResponse(responseCode = "404", description = "Unknown cluster or tenant (or one you may not restore)")
    @APIResponse(responseCode = "409", description = "No restore of the tenant is running")
    public RestoreActionResult cancel(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @HeaderParam(BackupsResource.IDEMPOTENCY_KEY) String idempotencyKey) {
        return restores.cancel(permissions.current(), cluster, tenant, idempotencyKey);
    }

    @POST
    @Path("{tenant}/activate")
    @ResponseStatus(202)
    @Operation(summary = "Activate a restored STANDBY tenant: it becomes PRIMARY (TENANT_ROLE before and after)")
    @APIResponse(responseCode = "202", description = "OceanBase accepted the activation")
    @APIResponse(responseCode = "404", description = "Unknown cluster or tenant (or one you may not restore)")
    @APIResponse(responseCode = "502", description = "OceanBase refused (e.g. 4179: the tenant is not a STANDBY)")
    public RestoreActionResult activate(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @HeaderParam(BackupsResource.IDEMPOTENCY_KEY) String idempotencyKey) {
        return restores.activate(permissions.current(), cluster, tenant, idempotencyKey);
    }

}
