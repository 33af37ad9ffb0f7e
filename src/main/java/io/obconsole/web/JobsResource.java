package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterUnreachableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Running and ended jobs across every cluster, narrowed by the reader's scope and the filters. */
@Path("/jobs")
public class JobsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance jobs(List<JobRow> running, List<JobRow> history, List<ClusterView> unreachable,
                List<String> clusters, JobFilter filter, String message);
    }

    /** A job with whether the reader may cancel it. */
    public record JobRow(JobView view, boolean canCancel) {
    }

    @Inject
    PageAccess access;

    @Inject
    ClusterGateway gateway;

    @Inject
    WebConfig config;

    @Inject
    FailureExplanations explanations;

    @Inject
    Messages msg;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance jobs(@QueryParam("cluster") String cluster, @QueryParam("tenant") String tenant,
            @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("msg") String message) {
        Operator who = access.who();
        JobFilter filter = new JobFilter(cluster, tenant, type, status, from, to);
        List<JobRow> running = new ArrayList<>();
        List<JobRow> history = new ArrayList<>();
        List<ClusterView> unreachable = new ArrayList<>();
        for (String name : gateway.clusters()) {
            if (cluster != null && !cluster.isBlank() && !cluster.equals(name)) {
                continue;
            }
            try {
                LocalDateTime now = gateway.now(name);
                for (BackupJob job : gateway.jobs(name, config.jobHistory())) {
                    if (!access.canView(who, name, job.tenantName())) {
                        continue;
                    }
                    JobView view = JobView.of(name, job, now, explanations.of(job.result()));
                    if (filter.matches(view)) {
                        JobRow row = new JobRow(view, job.running() && access.canOperate(who, name, job.tenantName()));
                        (job.running() ? running : history).add(row);
                    }
                }
            } catch (ClusterUnreachableException e) {
                unreachable.add(new ClusterView(name, false, e.reason(), null, List.of()));
            }
        }
        return Templates.jobs(running, history, unreachable, List.copyOf(gateway.clusters()), filter,
                Flash.text(msg, message));
    }
}
