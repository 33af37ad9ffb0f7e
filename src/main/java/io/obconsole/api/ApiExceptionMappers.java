package io.obconsole.api;

import io.obconsole.audit.AuditUnavailableException;
import io.obconsole.audit.DuplicateActionException;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.backup.ActionInterruptedException;
import io.obconsole.backup.AlreadyRunningException;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.backup.JobNotRunningException;
import io.obconsole.backup.OceanBaseRejectedException;
import io.obconsole.backup.PreflightRefusedException;
import io.obconsole.backup.SetupRefusedException;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.InvalidIdentifierException;
import io.obconsole.cluster.UnknownClusterException;
import io.obconsole.cluster.UnknownTenantException;
import io.obconsole.policy.UnknownPolicyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One mapper per failure kind, each to its status and the JSON of {@link ApiError}. Messages are
 * built by the services and carry no secret (passwords are masked before any exception exists).
 */
public class ApiExceptionMappers {

    private static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return json(400, ApiError.of("INVALID_REQUEST", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidIdentifier(InvalidIdentifierException e) {
        return json(400, ApiError.of("INVALID_NAME", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response forbidden(ActionForbiddenException e) {
        return json(403, ApiError.of("FORBIDDEN", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownCluster(UnknownClusterException e) {
        return json(404, ApiError.of("UNKNOWN_CLUSTER", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownTenant(UnknownTenantException e) {
        return json(404, ApiError.of("UNKNOWN_TENANT", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownPolicy(UnknownPolicyException e) {
        return json(404, ApiError.of("UNKNOWN_POLICY", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response alreadyRunning(AlreadyRunningException e) {
        Integer code = e.error() == null ? null : e.error().code();
        String text = e.error() == null ? null : e.error().text();
        return json(409, new ApiError("ALREADY_RUNNING", e.getMessage(), code, text,
                "A backup of the tenant is already running.", "Wait for it to finish, or cancel it, then start again.",
                null));
    }

    @ServerExceptionMapper
    public Response jobNotRunning(JobNotRunningException e) {
        return json(409, new ApiError("JOB_NOT_RUNNING", e.getMessage(), null, null, null,
                "Look at the tenant's jobs: cancel the job that runs now, if that is what you want.", null));
    }

    @ServerExceptionMapper
    public Response setupRefused(SetupRefusedException e) {
        return json(409, new ApiError("SETUP_REFUSED", e.getMessage(), null, null, null,
                "Do what the message says first, then submit again.", null));
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateActionException e) {
        return json(409, ApiError.of("DUPLICATE_SUBMIT", "This request was already submitted (audit record "
                + e.originalIntentId() + "); it was not run again. See GET /api/v1/jobs for its jobs."));
    }

    @ServerExceptionMapper
    public Response preflightRefused(PreflightRefusedException e) {
        return json(422, new ApiError("PREFLIGHT_FAILED", e.getMessage(), null, null, null,
                "Fix what each finding says (its fix), or acknowledge, then submit again.", e.report().findings()));
    }

    @ServerExceptionMapper
    public Response rejectedByOceanBase(OceanBaseRejectedException e) {
        return json(502, new ApiError("OCEANBASE_ERROR", e.getMessage(), e.error().code(), e.error().text(),
                e.explanation().explanation(), e.explanation().nextStep(), null));
    }

    @ServerExceptionMapper
    public Response interrupted(ActionInterruptedException e) {
        return json(503, new ApiError("CLUSTER_UNREACHABLE", e.getMessage(), null, null,
                "The console could not reach the cluster: " + e.reason(), "Check the cluster and the network, then "
                        + "look at the cluster's jobs before trying again.", null));
    }

    @ServerExceptionMapper
    public Response unreachable(ClusterUnreachableException e) {
        return json(503, new ApiError("CLUSTER_UNREACHABLE", e.getMessage(), null, null,
                "The console could not reach the cluster: " + e.reason(), "Check the cluster and the network.", null));
    }

    @ServerExceptionMapper
    public Response auditUnavailable(AuditUnavailableException e) {
        return json(503, ApiError.of("AUDIT_UNAVAILABLE", "The audit trail cannot record right now, so nothing was "
                + "sent to the cluster. Try again when the console's database is back."));
    }
}
