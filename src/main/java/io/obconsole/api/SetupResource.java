package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.backup.BackupSetupService;
import io.obconsole.backup.SetupAction;
import io.obconsole.backup.SetupChange;
import io.obconsole.backup.SetupPlan;
import io.obconsole.backup.SetupResult;
import io.obconsole.cluster.TenantSetup;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's backup set-up in OceanBase: read it (anyone who sees the tenant), plan a change, and
 * make it (administrators). Destinations come back with their credentials masked, never in clear.
 */
@Path("/api/v1/clusters/{cluster}/tenants/{tenant}/setup")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backup set-up")
public class SetupResource {

    /** A destination URI to set; object storage carries host, access_id and access_key as query parameters. */
    public record DestinationBody(String uri) {
    }

    /** Log archiving on or off. */
    public record ArchivelogBody(@NotNull(message = "{setup.archivelog.enabled}") Boolean enabled) {
    }

    /** The recovery window of the delete policy 'default', in days ({@code 7} or {@code 7d}). */
    public record DeletePolicyBody(String recoveryWindow) {
    }

    /** Any change, for a plan without running it. */
    public record ChangeBody(SetupAction action, String value) {
    }

    private final BackupSetupService setup;
    private final Permissions permissions;

    SetupResource(BackupSetupService setup, Permissions permissions) {
        this.setup = setup;
        this.permissions = permissions;
    }

    @GET
    @Operation(summary = "The tenant's data backup destination, log archive destination, archive status and delete "
            + "policy, read from OceanBase now (credentials masked)")
    @APIResponse(responseCode = "200", description = "The set-up")
    public TenantSetup read(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return setup.read(permissions.current(), cluster, tenant);
    }

    @POST
    @Path("plan")
    @Operation(summary = "What a change would do (value before and after, the statements, what it means); runs nothing")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "409", description = "The change cannot be made in the tenant's present state")
    public SetupPlan plan(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant, ChangeBody body) {
        ChangeBody change = body == null ? new ChangeBody(null, null) : body;
        return setup.plan(permissions.current(), new SetupChange(cluster, tenant, change.action(), change.value()));
    }

    @PUT
    @Path("data-backup-dest")
    @Operation(summary = "Set the data backup destination (ALTER SYSTEM SET DATA_BACKUP_DEST); administrators")
    @APIResponse(responseCode = "200", description = "OceanBase accepted it; the set-up read back")
    @APIResponse(responseCode = "400", description = "Not a destination OceanBase can use (scheme, parameters)")
    @APIResponse(responseCode = "403", description = "Not an administrator of this tenant; nothing was sent")
    @APIResponse(responseCode = "502", description = "OceanBase refused it (e.g. 9080 not empty, 9081 another tenant's)")
    public SetupResult dataBackupDest(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @Parameter(description = "Any unique string per submit; a repeat with the same key runs nothing")
            @HeaderParam(BackupsResource.IDEMPOTENCY_KEY) String key, DestinationBody body) {
        return apply(cluster, tenant, SetupAction.DATA_BACKUP_DEST, body == null ? null : body.uri(), key);
    }

    @PUT
    @Path("log-archive-dest")
    @Operation(summary = "Set the log archive destination (ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=...'); "
            + "only while archiving is stopped; administrators")
    @APIResponse(responseCode = "200", description = "OceanBase accepted it; the set-up read back")
    @APIResponse(responseCode = "409", description = "Archiving runs: stop it first")
    public SetupResult logArchiveDest(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @HeaderParam(BackupsResource.IDEMPOTENCY_KEY) String key, DestinationBody body) {
        return apply(cluster, tenant, SetupAction.LOG_ARCHIVE_DEST, body == null ? null : body.uri(), key);
    }

    @PUT
    @Path("archivelog")
    @Operation(summary = "Start (enabled=true: BEGINNING, then DOING) or stop (false: STOPPING, then STOP) log "
            + "archiving; stopping ends point-in-time recovery and makes OceanBase refuse new backups; administrators")
    @APIResponse(responseCode = "200", description = "OceanBase accepted it; the set-up read back")
    @APIResponse(responseCode = "409", description = "No log archive destination to archive to")
    @APIResponse(responseCode = "502", description = "OceanBase refused it (9091 already on, 9092 already off)")
    public SetupResult archivelog(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @HeaderParam(BackupsResource.IDEMPOTENCY_KEY) String key,
            @Valid @NotNull(message = "{setup.archivelog.enabled}") ArchivelogBody body) {
        return apply(cluster, tenant, body.enabled() ? SetupAction.ARCHIVELOG : SetupAction.NOARCHIVELOG, null, key);
    }

    @PUT
    @Path("delete-policy")
    @Operation(summary = "Keep backup sets for a recovery window through OceanBase's delete policy 'default' "
            + "(added, or dropped and added again); administrators")
    @APIResponse(responseCode = "200", description = "OceanBase accepted it; the set-up read back")
    public SetupResult deletePolicy(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @HeaderParam(BackupsResource.IDEMPOTENCY_KEY) String key, DeletePolicyBody body) {
        return apply(cluster, tenant, SetupAction.DELETE_POLICY, body == null ? null : body.recoveryWindow(), key);
    }

    @DELETE
    @Path("delete-policy")
    @Operation(summary = "Drop the delete policy 'default': OceanBase then keeps every backup set; administrators")
    @APIResponse(responseCode = "200", description = "OceanBase accepted it; the set-up read back")
    @APIResponse(responseCode = "409", description = "The tenant has no delete policy")
    public SetupResult dropDeletePolicy(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @HeaderParam(BackupsResource.IDEMPOTENCY_KEY) String key) {
        return apply(cluster, tenant, SetupAction.DROP_DELETE_POLICY, null, key);
    }

    private SetupResult apply(String cluster, String tenant, SetupAction action, String value, String key) {
        return setup.apply(permissions.current(), new SetupChange(cluster, tenant, action, value), key);
    }
}
