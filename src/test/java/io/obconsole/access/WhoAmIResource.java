package io.obconsole.access;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoint: shows the Operator the console builds for the caller. */
@Path("/api/v1/test/whoami")
@Authenticated
public class WhoAmIResource {

    @Inject
    Permissions permissions;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Operator whoAmI() {
        return permissions.current();
    }
}
