package io.obconsole.api;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.AuditAction;
import io.obconsole.backup.InputValidation;
import io.obconsole.failure.FailureExplanations;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.Fleet;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.restore.RestorePlan;
import io.obconsole.restore.RestoreResult;
import io.obconsole.restore.RestoreService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Restores: start (with its plan), list from the fleet read model, cancel and activate; the same rules as the pages. */
@Path("/api/v1")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Restores")
public class RestoresResource {

    private final RestoreService restores;
    private final Permissions permissions;
    private final Fleet fleet;
    private final FailureExplanations explanations;

    private final InputValidation validation;

    RestoresResource(RestoreService restores, Permissions permissions, Fleet fleet, FailureExplanations explanations,
            InputValidation validation) {
        this.validation = validation;
        this.restores = restores;
        this.permissions = permissions;
        this.fleet = fleet;
        this.explanations = explanations;
    }

    @POST
    @Path("restores/plan")
    @Operation(summary = "The statements a restore would send (passwords masked) and where its point falls; runs nothing")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "422", description = "The point is outside the source's recoverable window, or it is not read yet")
    public PlanView plan(RestoreBody body) {
        Operator who = permissions.current();
        var request = restores.parsed(who, AuditAction.RESTORE, body == null ? null : body.targetCluster(),
                () -> validation.valid(body(body)).toRequest(null));
        try {
            RestorePlan plan = restores.plan(who, request);
            return new PlanView(plan.redacted(), plan.check().point().value(), plan.check().point().utc(),
                    plan.check().explanation());
        } finally {
            request.clearSecrets();
        }
    }

    /** A plan as the API shows it. */
    public record PlanView(List<String> statements, long scn, String pointUtc, String explanation) {
    }

    @POST
    @Path("restores")
    @ResponseStatus(202)
    @Operation(summary = "Restore a tenant into a new tenant; answers once OceanBase shows the restore job")
    @APIResponse(responseCode = "202", description = "OceanBase accepted the restore; watch it under GET /api/v1/restores")
    @APIResponse(responseCode = "400", description = "Bad input (names, concurrency, point, passwords)")
    @APIResponse(responseCode = "403", description = "Not allowed to restore into that tenant name; nothing was sent")
    @APIResponse(responseCode = "404", description = "Unknown source or target (or one you may not see or restore into)")
    @APIResponse(responseCode = "409", description = "This Idempotency-Key was already used")
    @APIResponse(responseCode = "422", description = "The point is outside the source's recoverable window, or it is not read yet")
    @APIResponse(responseCode = "502", description = "OceanBase refused the restore (obCode, obText, explanation)")
    @APIResponse(responseCode = "503", description = "Cluster unreachable or audit database down")
    public RestoreResult start(
            @Parameter(description = "Any unique string per submit; a repeat with the same key starts nothing")
            @HeaderParam(BackupsResource.IDEMPOTENCY_KEY) String idempotencyKey, RestoreBody body) {
        Operator who = permissions.current();
        return restores.start(who, restores.parsed(who, AuditAction.RESTORE, body == null ? null : body.targetCluster(),
                () -> validation.valid(body(body)).toRequest(idempotencyKey)));
    }

    @GET
    @Path("restores")
    @Operation(summary = "Running and recently ended restores into tenants you may see (from the fleet read model)")
    public List<RestoreView> list(@QueryParam("cluster") String cluster, @QueryParam("tenant") String tenant) {
        Operator who = permissions.current();
        return fleet.clusters().stream().filter(c -> cluster == null || c.cluster().equals(cluster))
                .flatMap((ClusterState c) -> c.restores().stream())
                .filter(r -> tenant == null || r.tenant().equals(tenant))
                .filter(r -> permissions.canView(who, r.cluster(), r.tenant()))
                .map(this::view).toList();
    }

    private RestoreView view(FleetRestore r) {
        return RestoreView.of(r, r.running() ? null : explanations.restoreEnd(r));
    }

    private static RestoreBody body(RestoreBody body) {
        return body == null ? new RestoreBody(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : body;
    }
}
