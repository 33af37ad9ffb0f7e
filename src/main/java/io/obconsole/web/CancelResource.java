package io.obconsole.web;

import io.obconsole.failure.FailureExplanations;
import io.obconsole.failure.FailureKind;
import io.obconsole.urls.PageUrls;
import io.obconsole.access.Operator;
import io.obconsole.backup.BackupScope;
import io.obconsole.backup.BackupService;
import io.obconsole.backup.CancelRequest;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.Fleet;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;

/**
 * Cancelling a running backup: a confirmation page (a GET, which changes nothing) and its POST.
 * OceanBase cancels per tenant, so the page names the tenant and its running job.
 */
@Path("/jobs/{cluster}/{tenant}/{jobId}/cancel")
public class CancelResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String cluster, JobView job, String key);
    }

    private static final Set<FailureKind> UNKNOWN_CLUSTER = Set.of(FailureKind.UNKNOWN_CLUSTER);

    @Inject
    PageFailures failures;

    @Inject
    PageAccess access;

    @Inject
    Fleet fleet;

    @Inject
    FailureExplanations explanations;

    @Inject
    BackupService backups;

    @Inject
    Messages msg;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirm(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @PathParam("jobId") long jobId) {
        Operator who = access.who();
        access.requireOperate(who, cluster, tenant);
        JobView job = running(cluster, tenant, jobId);
        return Templates.confirm(cluster, job, PendingBackups.newToken());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @PathParam("jobId") long jobId, @FormParam("key") String key) {
        Operator who = access.who();
        try {
            backups.cancel(who, new CancelRequest(cluster, BackupScope.of(tenant), key, jobId));
        } catch (RuntimeException e) {
            throw failures.thrown(e);
        }
        return Response.seeOther(PageUrls.withMessage(PageUrls.jobs(cluster, tenant, null), Flash.CANCELED))
                .build();
    }

    /** The running job as the fleet last read it, or null when it has ended meanwhile (the page then says so). */
    private JobView running(String cluster, String tenant, long jobId) {
        try {
            ClusterState state = fleet.cluster(cluster);
            return state.running().stream().filter(job -> job.tenant().equals(tenant) && job.job().jobId() == jobId)
                    .findFirst().map(job -> JobView.of(job, state.clusterNow(), explanations)).orElse(null);
        } catch (RuntimeException e) {
            throw failures.thrown(e, UNKNOWN_CLUSTER);
        }
    }
}
