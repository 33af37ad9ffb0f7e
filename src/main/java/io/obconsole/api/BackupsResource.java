package io.obconsole.api;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.AuditAction;
import io.obconsole.backup.BackupResult;
import io.obconsole.backup.BackupService;
import io.obconsole.backup.CancelResult;
import io.obconsole.backup.InputValidation;
import io.obconsole.backup.PreflightReport;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Preflight, start and cancel of backups on one cluster; the same rules and service as the pages. */
@Path("/api/v1/clusters/{cluster}")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backups")
public class BackupsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final BackupService backups;
    private final Permissions permissions;
    private final InputValidation validation;

    BackupsResource(BackupService backups, Permissions permissions, InputValidation validation) {
        this.backups = backups;
        this.permissions = permissions;
        this.validation = validation;
    }

    @POST
    @Path("preflight")
    @Operation(summary = "What OceanBase would say to this backup: per tenant each failed check with its fix, "
            + "and for all tenants which ones it will skip")
    @APIResponse(responseCode = "200", description = "The report (passed or not)")
    public PreflightReport preflight(@PathParam("cluster") String cluster, BackupBody body) {
        Operator who = permissions.current();
        return backups.preflight(who, backups.parsed(who, AuditAction.PREFLIGHT, cluster, () -> validation.valid(body(body)).toRequest(cluster, null)));
    }

    @POST
    @Path("backups")
    @ResponseStatus(202)
    @Operation(summary = "Start a full or incremental backup; returns the new job ids")
    @APIResponse(responseCode = "202", description = "OceanBase accepted the backup")
    @APIResponse(responseCode = "400", description = "Bad input (concurrency, passwords, tenant names)")
    @APIResponse(responseCode = "403", description = "Not allowed; nothing was sent to the cluster")
    @APIResponse(responseCode = "404", description = "Unknown cluster or tenant")
    @APIResponse(responseCode = "409", description = "Already running, or this Idempotency-Key was already used")
    @APIResponse(responseCode = "422", description = "Preflight failed or needs an acknowledgement")
    @APIResponse(responseCode = "502", description = "OceanBase refused the statement (obCode, obText)")
    @APIResponse(responseCode = "503", description = "Cluster unreachable or audit database down")
    public BackupResult start(@PathParam("cluster") String cluster,
            @Parameter(description = "Any unique string per submit; a repeat with the same key starts nothing")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, BackupBody body) {
        Operator who = permissions.current();
        return backups.start(who, backups.parsed(who, AuditAction.BACKUP, cluster, () -> validation.valid(body(body)).toRequest(cluster, idempotencyKey)));
    }

    @POST
    @Path("backups/cancel")
    @ResponseStatus(202)
    @Operation(summary = "Cancel the running backups of some tenants, or of all")
    @APIResponse(responseCode = "202", description = "OceanBase accepted the cancel (also when nothing ran)")
    public CancelResult cancel(@PathParam("cluster") String cluster,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, CancelBody body) {
        CancelBody cancel = body == null ? new CancelBody(null, false) : body;
        Operator who = permissions.current();
        return backups.cancel(who, backups.parsed(who, AuditAction.CANCEL, cluster, () -> validation.valid(cancel).toRequest(cluster, idempotencyKey)));
    }

    private static BackupBody body(BackupBody body) {
        return body == null ? new BackupBody(null, false, null, null, null, null, false, null, false) : body;
    }
}
