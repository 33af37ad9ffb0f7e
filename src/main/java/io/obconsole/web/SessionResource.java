package io.obconsole.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Signing out: a POST (so no link or prefetch signs anyone out) that hands over to Quarkus
 * OIDC's logout path, which ends the Keycloak session too and comes back to the public page.
 */
@Path("/")
public class SessionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/logout")).build();
    }

    /** After the session expired, a sign-out button lands here as a GET: the same hand-over. */
    @GET
    @Path("sign-out")
    public Response signOutAfterExpiry() {
        return Response.seeOther(URI.create("/logout")).build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
