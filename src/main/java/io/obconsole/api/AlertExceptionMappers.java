package io.obconsole.api;

import io.obconsole.alert.AlertStoreException;
import io.obconsole.alert.ChannelNotFoundException;
import io.obconsole.alert.ChannelRejectedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The alert API's failure kinds, in the API's one error shape. */
public class AlertExceptionMappers {

    private static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    @ServerExceptionMapper
    public Response rejected(ChannelRejectedException e) {
        return json(400, ApiError.of("INVALID_REQUEST", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownChannel(ChannelNotFoundException e) {
        return json(404, ApiError.of("UNKNOWN_CHANNEL", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response storeDown(AlertStoreException e) {
        return json(503, ApiError.of("CONSOLE_DB_UNAVAILABLE", "The console's database does not answer; nothing was "
                + "changed. Try again when it is back."));
    }
}
