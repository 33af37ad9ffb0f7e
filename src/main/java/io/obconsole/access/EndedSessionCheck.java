package io.obconsole.access;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.LogoutException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refuses the tokens of an ended session wherever they arrive: a copied session cookie, a bearer
 * token of that session, a socket upgrade. Tokens are checked offline (signature and expiry), so
 * without this a copy would keep working until it expires.
 * <p>
 * A page request with the cookie of an ended session is treated as Quarkus treats a session that
 * Keycloak logged out: the session cookie goes and the browser is sent to the sign-in page, as for
 * an expired session. Any other refusal of a token is a verification failure, which Quarkus answers
 * with a 401: the API keeps its JSON 401, and a socket upgrade (which cannot follow a redirect) its 401.
 */
@ApplicationScoped
public class EndedSessionCheck implements SecurityIdentityAugmentor {

    @Inject
    EndedSessions sessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!sessions.hasEnded(EndedSessions.sessionId(identity))) {
            return Uni.createFrom().item(identity);
        }
        if (isPageSession(identity)) {
            // the code flow's own "logged out" signal: it drops the session cookie and challenges (sign-in page)
            return Uni.createFrom().failure(new LogoutException());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("the session has ended"));
    }

    /** A browser's code-flow session (it carries an ID token) on a request that is not a socket upgrade. */
    private static boolean isPageSession(SecurityIdentity identity) {
        if (identity.getCredential(IdTokenCredential.class) == null) {
            return false;
        }
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(identity);
        return request != null && !"websocket".equalsIgnoreCase(request.request().getHeader(HttpHeaders.UPGRADE));
    }
}
