package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.alert.AlertChannels;
import io.obconsole.alert.AlertKind;
import io.obconsole.alert.Channel;
import io.obconsole.alert.ChannelDraft;
import io.obconsole.alert.ChannelFormat;
import io.obconsole.alert.ChannelNotFoundException;
import io.obconsole.alert.ChannelRejectedException;
import io.obconsole.alert.Deliveries;
import io.obconsole.alert.DeliveryLogEntry;
import io.obconsole.alert.Notifier;
import io.obconsole.urls.PageUrls;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admins' alert channel pages: the list with a form for a new one, one channel with its delivery log (and what
 * grouping holds back from it now) and test button, and the question asked before a channel is deleted. A refused
 * form comes back with what was typed; a delete happens only with the confirmation the question's form carries.
 */
@Path("/alerts/channels")
public class AlertPagesResource {

    private static final Set<String> FLASHES = Set.of("created", "saved", "deleted", "test-sent", "test-failed");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance channels(List<Channel> channels, Map<Long, Integer> held, ChannelFormValues form,
                List<String> keyNames, List<AlertKind> kinds, List<ChannelFormat> formats, String flash, String error);

        static native TemplateInstance channel(Channel channel, ChannelFormValues form, List<String> keyNames,
                List<AlertKind> kinds, List<ChannelFormat> formats, List<Deliveries.Held> held, List<DeliveryLogEntry> log,
                String flash, String error);

        static native TemplateInstance confirmDelete(Channel channel);
    }

    @Inject
    PageAccess access;

    @Inject
    AlertChannels channels;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("done") String done) {
        access.requireAdmin(access.who());
        return page(ChannelFormValues.fresh(channels.keyNames()), null, done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@FormParam("name") String name, @FormParam("format") String format, @FormParam("url") String url,
            @FormParam("keyName") String keyName, @FormParam("clusterPattern") String clusters,
            @FormParam("tenantPattern") String tenants, @FormParam("kinds") List<String> kinds,
            @FormParam("enabled") String enabled) {
        Operator who = access.who();
        access.requireAdmin(who);
        ChannelDraft draft = draft(name, format, url, keyName, clusters, tenants, kinds, enabled);
        try {
            Channel created = channels.create(draft, who);
            return redirect(PageUrls.alertChannel(created.id()), "created");
        } catch (ChannelRejectedException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(ChannelFormValues.submitted(null, draft), e.getMessage(), null).render()).build();
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance channel(@PathParam("id") long id, @QueryParam("done") String done) {
        access.requireAdmin(access.who());
        Channel channel = find(id);
        return detail(channel, ChannelFormValues.of(channel), done, null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("id") long id, @FormParam("name") String name, @FormParam("format") String format,
            @FormParam("url") String url, @FormParam("keyName") String keyName,
            @FormParam("clusterPattern") String clusters, @FormParam("tenantPattern") String tenants,
            @FormParam("kinds") List<String> kinds, @FormParam("enabled") String enabled) {
        Operator who = access.who();
        access.requireAdmin(who);
        Channel channel = find(id);
        ChannelDraft draft = draft(name, format, url, keyName, clusters, tenants, kinds, enabled);
        try {
            channels.update(id, draft, who);
            return redirect(PageUrls.alertChannel(id), "saved");
        } catch (ChannelRejectedException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(detail(channel, ChannelFormValues.submitted(id, draft), null, e.getMessage()).render()).build();
        }
    }

    /**
     * The question before a delete (a GET, which changes nothing); its form posts to {@link #delete} with the
     * channel's name as the confirmation.
     */
    @GET
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        access.requireAdmin(access.who());
        return Templates.confirmDelete(find(id));
    }

    @POST
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @FormParam("confirm") String confirm) {
        Operator who = access.who();
        access.requireAdmin(who);
        if (confirm == null || !confirm.equals(find(id).name())) {
            // not answered on the question's page (an old form, a script, a page without JavaScript): ask first
            return Response.seeOther(URI.create(PageUrls.alertChannelAction(id, "delete"))).build();
        }
        try {
            channels.delete(id, who);
        } catch (ChannelNotFoundException e) {
            throw new NotFoundException();
        }
        return redirect(PageUrls.alertChannels(), "deleted");
    }

    @POST
    @Path("{id}/test")
    @Produces(MediaType.TEXT_HTML)
    public Response test(@PathParam("id") long id) {
        Operator who = access.who();
        access.requireAdmin(who);
        find(id);
        Notifier.Result result = channels.test(id, who);
        return redirect(PageUrls.alertChannel(id), result.delivered() ? "test-sent" : "test-failed");
    }

    private TemplateInstance page(ChannelFormValues form, String error, String done) {
        return Templates.channels(channels.list(), channels.heldCounts(), form, channels.keyNames(), kinds(),
                List.of(ChannelFormat.values()), flash(done), error);
    }

    private TemplateInstance detail(Channel channel, ChannelFormValues form, String done, String error) {
        return Templates.channel(channel, form, channels.keyNames(), kinds(), List.of(ChannelFormat.values()),
                channels.held(channel.id()), channels.log(channel.id(), 100), flash(done), error);
    }

    private Channel find(long id) {
        try {
            return channels.get(id);
        } catch (ChannelNotFoundException e) {
            throw new NotFoundException();
        }
    }

    private static List<AlertKind> kinds() {
        return java.util.Arrays.stream(AlertKind.values()).filter(k -> k != AlertKind.TEST).toList();
    }

    private static String flash(String done) {
        return done != null && FLASHES.contains(done) ? done : null;
    }

    private static ChannelDraft draft(String name, String format, String url, String keyName, String clusters,
            String tenants, List<String> kinds, String enabled) {
        return new ChannelDraft(name, format, url, keyName, clusters, tenants, kinds, enabled != null);
    }

    private static Response redirect(String path, String done) {
        return Response.seeOther(URI.create(path + "?done=" + done)).build();
    }
}
