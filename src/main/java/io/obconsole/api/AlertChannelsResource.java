package io.obconsole.api;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.alert.AlertAudit;
import io.obconsole.alert.AlertChannels;
import io.obconsole.alert.ChannelDraft;
import io.obconsole.alert.DeliveryLogEntry;
import io.obconsole.alert.Notifier;
import io.obconsole.audit.AuditAction;
import io.obconsole.backup.ActionForbiddenException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alert channels, for admins only: list, create, change, delete, send a test sample, read the delivery log. */
@Path("/api/v1/alerts/channels")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertChannelsResource {

    private final AlertChannels channels;
    private final Permissions permissions;
    private final AlertAudit audit;

    AlertChannelsResource(AlertChannels channels, Permissions permissions, AlertAudit audit) {
        this.channels = channels;
        this.permissions = permissions;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Every channel (admins)")
    public List<ChannelView> list() {
        admin();
        return channels.list().stream().map(ChannelView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a channel (admins); the signing key is named, never sent")
    public Response create(ChannelDraft draft) {
        Operator who = admin();
        return Response.status(201).entity(ChannelView.of(channels.create(draft, who))).build();
    }

    @GET
    @Path("{id}")
    public ChannelView one(@PathParam("id") long id) {
        admin();
        return ChannelView.of(channels.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChannelView update(@PathParam("id") long id, ChannelDraft draft) {
        Operator who = admin();
        return ChannelView.of(channels.update(id, draft, who));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        Operator who = admin();
        channels.delete(id, who);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send a sample event to the channel now; says what the receiver answered")
    public Notifier.Result test(@PathParam("id") long id) {
        Operator who = admin();
        return channels.test(id, who);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The channel's delivery log, newest first: sent, retried, gave up, with the receiver's status")
    public List<DeliveryLogEntry> deliveries(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("100") int limit) {
        admin();
        return channels.log(id, limit);
    }

    private Operator admin() {
        Operator who = permissions.current();
        if (!permissions.isAdmin(who)) {
            audit.forbidden(who, AuditAction.ALERT_CHANNELS, "", List.of(), "admins only");
            throw new ActionForbiddenException("Only admins may manage alert channels");
        }
        return who;
    }
}
