package io.obconsole.api;

import io.obconsole.alert.AlertStoreException;
import io.obconsole.alert.ChannelNotFoundException;
import io.obconsole.alert.ChannelRejectedException;
import io.obconsole.failure.FailureCatalogue;
import io.obconsole.failure.FailureKind;
import io.obconsole.failure.FailureResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The alert features' failure kinds, rendered by the console's one failure path. */
public class AlertExceptionMappers {

    @Inject
    FailureCatalogue catalogue;

    @Inject
    FailureResponses responses;

    @ServerExceptionMapper
    public Response rejected(ChannelRejectedException e, UriInfo uri) {
        return responses.respond(catalogue.of(FailureKind.INVALID_REQUEST, e.getMessage(), null, catalogue.invalidNext(),
                null), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unknownChannel(ChannelNotFoundException e, UriInfo uri) {
        return responses.respond(catalogue.of(FailureKind.UNKNOWN_CHANNEL, e.getMessage(), null, null, null),
                uri.getPath());
    }

    @ServerExceptionMapper
    public Response storeDown(AlertStoreException e, UriInfo uri) {
        return responses.respond(catalogue.of(FailureKind.CONSOLE_DB_UNAVAILABLE, "The console's database does not "
                + "answer; nothing was changed.", null, "Try again when it is back.", null), uri.getPath());
    }
}
