package io.obconsole.failure;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.obconsole.audit.AuditUnavailableException;
import io.obconsole.audit.DuplicateActionException;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.backup.ActionInterruptedException;
import io.obconsole.backup.AlreadyRunningException;
import io.obconsole.backup.InputValidation;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.backup.JobNotRunningException;
import io.obconsole.backup.SetupRefusedException;
import io.obconsole.backup.OceanBaseRejectedException;
import io.obconsole.backup.PreflightRefusedException;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.InvalidIdentifierException;
import io.obconsole.cluster.UnknownClusterException;
import io.obconsole.cluster.UnknownTenantException;
import io.obconsole.policy.UnknownPolicyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One mapper per failure kind, for pages and API alike: each asks {@link FailureCatalogue} what
 * the failure means and {@link FailureResponses} renders it (problem+json under {@code /api},
 * the failure page elsewhere). A new failure kind: its exception, a case in the catalogue, a
 * method here.
 */
public class FailureMappers {

    @Inject
    FailureCatalogue catalogue;

    @Inject
    FailureResponses responses;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    InputValidation validation;

    private Response known(RuntimeException e, UriInfo uri) {
        return responses.respond(catalogue.describe(e), uri.getPath());
    }

    @ServerExceptionMapper
    public Response rejectedByOceanBase(OceanBaseRejectedException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response pointNotRestorable(io.obconsole.restore.PointNotRestorableException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response alreadyRunning(AlreadyRunningException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response preflightRefused(PreflightRefusedException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidIdentifier(InvalidIdentifierException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ActionForbiddenException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownCluster(UnknownClusterException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownTenant(UnknownTenantException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownPolicy(UnknownPolicyException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response jobNotRunning(JobNotRunningException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response setupRefused(SetupRefusedException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateActionException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response interrupted(ActionInterruptedException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response unreachable(ClusterUnreachableException e, UriInfo uri) {
        return known(e, uri);
    }

    @ServerExceptionMapper
    public Response auditUnavailable(AuditUnavailableException e, UriInfo uri) {
        return known(e, uri);
    }

    // ---- the framework's own refusals, in the same shape

    /**
     * A constraint the REST layer checked before the resource ran (a missing body): worded as every
     * invalid request. A violated constraint on what a resource returns is a bug, not the caller's.
     */
    @ServerExceptionMapper(priority = 1)
    public Response constraintViolated(ConstraintViolationException e, UriInfo uri) {
        boolean returned = e.getConstraintViolations().stream().anyMatch(v -> StreamSupport
                .stream(v.getPropertyPath().spliterator(), false).anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (returned || e.getConstraintViolations().isEmpty()) {
            return responses.respond(catalogue.http(500, "Internal Server Error"), uri.getPath());
        }
        return known(validation.refusal(e.getConstraintViolations()), uri);
    }

    /** A body that is not JSON at all. */
    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return responses.respond(catalogue.of(FailureKind.INVALID_REQUEST, "The request body is not valid JSON: "
                + e.getOriginalMessage(), null, catalogue.invalidNext(), null), uri.getPath());
    }

    /** JSON of the wrong shape: an unknown field, or a value of the wrong type (never a framework dump). */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
        String detail = e instanceof UnrecognizedPropertyException unknown
                ? "The request has a field this call does not know: '" + unknown.getPropertyName() + "'."
                : "The field '" + field + "' has a value of the wrong type.";
        return responses.respond(catalogue.of(FailureKind.INVALID_REQUEST, detail, null, catalogue.invalidNext(), null),
                uri.getPath());
    }

    @ServerExceptionMapper(priority = 1)
    public Response notFound(NotFoundException e, UriInfo uri) {
        return responses.respond(catalogue.notFound(), uri.getPath());
    }

    /** 405, 406, 415 and the like, with the framework's status and reason. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps what Jackson says in a 400: word it as the JSON failure it is
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, uri);
            }
            if (cause instanceof MismatchedInputException mismatched) {
                return mismatchedJson(mismatched, uri);
            }
        }
        Response original = e.getResponse();
        if (original == null || original.getStatus() < 400 || original.hasEntity()) {
            // a redirect, or a response a resource built on purpose (e.g. its own page): keep it
            return original;
        }
        int status = original.getStatus();
        String reason = Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return responses.respond(catalogue.http(status, reason), uri.getPath());
    }

    /** Security refusals that reach the REST layer (the HTTP layer's own are handled by {@link SecurityFailures}). */
    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return SecurityFailures.withChallenge(responses.respond(catalogue.unauthenticated(null), uri.getPath()));
    }

    /**
     * A sign-in that did not hold (an ended session's cookie, for one): the API answers 401; a page
     * sends the browser to sign in again, as for a first visit, through the sign-in's own challenge.
     */
    @ServerExceptionMapper(priority = 1)
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        RoutingContext context = FailureResponses.api(uri.getPath()) ? null : currentRequest.getCurrent();
        HttpAuthenticator authenticator = context == null ? null : context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(
                    SecurityFailures.withChallenge(responses.respond(catalogue.unauthenticated(null), uri.getPath())));
        }
        return authenticator.getChallenge(context).map(challenge -> {
            Response.ResponseBuilder response = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> {
                // the sign-in may have begun a redirect of its own before it failed: one Location goes out
                context.response().headers().remove(name);
                response.header(name.toString(), value);
            });
            return response.build();
        });
    }

    @ServerExceptionMapper(priority = 1)
    public Response securityForbidden(ForbiddenException e, UriInfo uri) {
        return responses.respond(catalogue.forbidden(null), uri.getPath());
    }
}
