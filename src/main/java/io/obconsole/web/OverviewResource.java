package io.obconsole.web;

import io.obconsole.drill.DrillService;
import io.obconsole.drill.DrillOverview;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The first page: every cluster with the user tenants the reader may see and how safe their
 * backups are, worst first; searched, filtered and opened through its address ({@link OverviewQuery}).
 */
@Path("/")
public class OverviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(OverviewPage page, DrillOverview drills, boolean canStart,
                String message);

        /** A running job's progress in its tenant's row, for the page and for every live update. */
        static native TemplateInstance overview$progress(JobView job);
    }

    @Inject
    PageAccess access;

    @Inject
    OverviewModel model;

    @Inject
    Messages msg;

    @Inject
    DrillService drills;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(@QueryParam("q") String search, @QueryParam("state") String state,
            @QueryParam("open") List<String> open, @QueryParam("msg") String message) {
        var who = access.who();
        return Templates.overview(model.page(who, OverviewQuery.of(search, state, open)), drills.standings(who),
                access.operatesSomewhere(who), Flash.text(msg, message));
    }
}
