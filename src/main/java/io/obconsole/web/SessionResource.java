package io.obconsole.web;

import io.obconsole.access.EndedSessions;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Signing out: only a POST with the session's CSRF token ends a session, so no link, image or
 * prefetch signs anyone out ({@code GET /sign-out} and {@code GET /logout} show a button). The
 * session ends here first (a copied cookie or an open socket stops working at once), then at
 * Keycloak, which comes back to the public signed-out page.
 */
@Path("/")
public class SessionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();

        static native TemplateInstance signOut();
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    EndedSessions sessions;

    @Inject
    OidcSession oidcSession;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcConfigurationMetadata provider;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @POST
    @Path("sign-out")
    public Response signOut(@Context UriInfo uri) {
        String hint = idToken.getRawToken();
        sessions.end(EndedSessions.sessionId(identity));
        oidcSession.logout().await().indefinitely();
        URI back = uri.getBaseUriBuilder().path("signed-out").build();
        String endSession = provider.getEndSessionUri();
        if (endSession == null) {
            return Response.seeOther(back).build();
        }
        UriBuilder atKeycloak = UriBuilder.fromUri(endSession).queryParam("client_id", clientId)
                .queryParam("post_logout_redirect_uri", back.toString());
        if (hint != null) {
            atKeycloak.queryParam("id_token_hint", hint);
        }
        return Response.seeOther(atKeycloak.build()).build();
    }

    /** A link to sign out (or a sign-out replayed as a GET after a new sign-in) asks first. */
    @GET
    @Path("sign-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance askToSignOut() {
        return Templates.signOut();
    }

    @GET
    @Path("logout")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance askToSignOutFromOldLink() {
        return Templates.signOut();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
