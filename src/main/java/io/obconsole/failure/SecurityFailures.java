package io.obconsole.failure;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP layer's own refusals in the console's shape: a 401 or 403 from the security layer on
 * the API becomes problem+json (it used to be an empty body), and a path nothing serves gets the
 * console's 404 page (or problem+json under {@code /api}), never the framework's.
 */
@ApplicationScoped
public class SecurityFailures {

    private static final String BEARER_CHALLENGE = "Bearer";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    @Inject
    FailureCatalogue catalogue;

    @Inject
    FailureResponses responses;

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::problemForEmptyRefusals);
        router.route().last().handler(this::notFound);
        router.route("/api/*").order(Integer.MIN_VALUE + 1).failureHandler(this::failure);
    }

    /**
     * Every API call needs a bearer token; without one the answer is the problem document at once
     * (the security layer would send the same 401, but with an empty body). A token that is there
     * but not valid is the security layer's to judge; {@link #failure} words its refusal.
     */
    private void problemForEmptyRefusals(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.response().setStatusCode(401).putHeader(WWW_AUTHENTICATE, BEARER_CHALLENGE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(responses.problemJson(catalogue.unauthenticated("This call needs a bearer token.")));
            return;
        }
        ctx.next();
    }

    private void notFound(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Failure failure = catalogue.notFound();
        if (FailureResponses.api(ctx.normalizedPath())) {
            ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(responses.problemJson(failure));
        } else {
            ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .end(responses.barePage(failure));
        }
    }

    /** Failures the security layer raises on the API, as problem+json; pages keep their sign-in redirect. */
    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        Failure described = null;
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || ctx.statusCode() == 401) {
            described = catalogue.unauthenticated(null);
            ctx.response().putHeader(WWW_AUTHENTICATE, BEARER_CHALLENGE);
        } else if (failure instanceof ForbiddenException || ctx.statusCode() == 403) {
            described = catalogue.forbidden(null);
        }
        if (described == null || ctx.response().ended()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(described.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(responses.problemJson(described));
    }

    static Response withChallenge(Response response) {
        return Response.fromResponse(response).header(WWW_AUTHENTICATE, BEARER_CHALLENGE).build();
    }
}
