package io.obconsole.web;

import io.obconsole.failure.FailureKind;
import io.obconsole.failure.FailureExplanations;
import io.obconsole.access.Operator;
import io.obconsole.fleet.Fleet;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.fleet.JobStatus;
import io.obconsole.fleet.FleetView;
import io.obconsole.fleet.JobFilter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Running and ended jobs across every cluster from the fleet read model, narrowed by the reader's scope and the filters. */
@Path("/jobs")
public class JobsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance jobs(List<JobRow> running, List<JobRow> history, List<ClusterView> sources,
                List<String> clusters, JobFilter filter, String message, List<RestoreJobRow> restores);

        /** One restore row (type RESTORE), for the page and for every live update. */
        static native TemplateInstance jobs$restore(RestoreJobRow r);

        /** One job row, for the page and for every live update. */
        static native TemplateInstance jobs$row(JobRow r);
    }

    /**
     * A restore beside the backups: phase, data and log-replay percent, tablets, rate, ETA, and
     * once ended OceanBase's COMMENT with what it means; whether the reader may cancel or activate it.
     */
    public record RestoreJobRow(FleetRestore restore, String explanation, boolean canCancel, boolean canActivate) {
    }

    /** A job with whether the reader may cancel it. */
    public record JobRow(JobView view, boolean canCancel) {
    }

    private static final Set<FailureKind> UNKNOWN_CLUSTER = Set.of(FailureKind.UNKNOWN_CLUSTER);

    @Inject
    PageFailures failures;

    @Inject
    PageAccess access;

    @Inject
    FleetView fleetView;

    @Inject
    Fleet fleet;

    @Inject
    OverviewModel overview;

    @Inject
    WebConfig config;

    @Inject
    FailureExplanations explanations;

    @Inject
    Messages msg;

    @Inject
    io.obconsole.access.Permissions permissions;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance jobs(@QueryParam("cluster") String cluster, @QueryParam("tenant") String tenant,
            @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("msg") String message) {
        Operator who = access.who();
        JobFilter filter = new JobFilter(cluster, tenant, type, status, null, date(from), date(to));
        FleetView.JobList list = list(who, filter);
        List<JobRow> running = new ArrayList<>();
        List<JobRow> history = new ArrayList<>();
        for (FleetJob job : list.jobs()) {
            JobView view = JobView.of(job, fleet.cluster(job.cluster()).clusterNow(), explanations);
            if (job.running()) {
                running.add(new JobRow(view, access.canOperate(who, job.cluster(), job.tenant())));
            } else if (history.size() < config.jobHistory()) {
                history.add(new JobRow(view, false));
            }
        }
        List<FleetView.VisibleCluster> visible = fleetView.clusters(who);
        List<ClusterView> sources = visible.stream().map(FleetView.VisibleCluster::state)
                .filter(state -> filter.cluster() == null || filter.cluster().equals(state.cluster()))
                .map(state -> overview.view(who, new FleetView.VisibleCluster(state, List.of()))).toList();
        List<String> clusters = visible.stream().map(c -> c.state().cluster()).toList();
        return Templates.jobs(running, history, sources, clusters, filter, Flash.text(msg, message),
                restores(who, filter));
    }

    /** Restores in view unless the filter asks for a backup type; the same cluster, tenant and RUNNING filters. */
    private List<RestoreJobRow> restores(Operator who, JobFilter filter) {
        if (filter.type() != null && !filter.type().isBlank() && !"RESTORE".equals(filter.type())) {
            return List.of();
        }
        return fleet.clusters().stream().filter(c -> filter.cluster() == null || filter.cluster().equals(c.cluster()))
                .flatMap(c -> c.restores().stream())
                .filter(r -> filter.tenant() == null || filter.tenant().isBlank() || r.tenant().equals(filter.tenant()))
                .filter(r -> access.canView(who, r.cluster(), r.tenant()))
                .filter(r -> !JobStatus.RUNNING_FILTER.equals(filter.status()) || r.running())
                .map(r -> restoreRow(r, permissions.canRestore(who, r.cluster(), r.tenant()), explanations)).toList();
    }

    static RestoreJobRow restoreRow(FleetRestore r, boolean mayRestore, FailureExplanations explanations) {
        return new RestoreJobRow(r, r.running() ? null : explanations.restoreEnd(r), mayRestore && r.running(),
                mayRestore && r.succeeded());
    }

    private FleetView.JobList list(Operator who, JobFilter filter) {
        try {
            return fleetView.jobs(who, filter);
        } catch (RuntimeException e) {
            throw failures.thrown(e, UNKNOWN_CLUSTER);
        }
    }

    /** A filter day as the date input sends it; anything else means "any". */
    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
