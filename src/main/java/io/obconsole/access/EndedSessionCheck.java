package io.obconsole.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refuses the tokens of an ended session wherever they arrive: a copied session cookie, a bearer
 * token of that session, a socket upgrade. Tokens are checked offline (signature and expiry), so
 * without this a copy would keep working until it expires.
 */
@ApplicationScoped
public class EndedSessionCheck implements SecurityIdentityAugmentor {

    @Inject
    EndedSessions sessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (sessions.hasEnded(EndedSessions.sessionId(identity))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the session has ended"));
        }
        return Uni.createFrom().item(identity);
    }
}
