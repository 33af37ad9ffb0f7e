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

/** The alert features' failure kinds, through the console's one failure path (problem+json under /api, the page elsewhere). */
public class AlertExceptionMappers {

    @Inject
    FailureCatalogue catalogue;

    @Inject
    FailureResponses responses;

    @ServerExceptionMapper
    public Response rejected(ChannelRejectedException e, UriInfo uri) {
        return responses.respond(catalogue.of(FailureKind.INVALID_REQUEST, e.getMessage(), null,
                "Correct the channel as the message says and submit it again; nothing was stored.", null), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unknownChannel(ChannelNotFoundException e, UriInfo uri) {
        return responses.respond(catalogue.of(FailureKind.NOT_FOUND, e.getMessage(), null,
                "List the channels (GET /api/v1/alerts/channels): it may have been deleted.", null), uri.getPath());
    }

    @ServerExceptionMapper
    public Response storeDown(AlertStoreException e, UriInfo uri) {
        return responses.respond(catalogue.of(FailureKind.AUDIT_UNAVAILABLE, "The console's database does not answer; "
                + "nothing was changed.", null, "Try again when the console's database is back.", null), uri.getPath());
    }
}
