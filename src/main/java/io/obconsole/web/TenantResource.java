package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterStatus;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.TenantState;
import io.obconsole.cluster.UnknownClusterException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** One tenant: its running job with tasks and phases, its job history and backup sets, a chart, its concurrency. */
@Path("/clusters/{cluster}/tenants/{tenant}")
public class TenantResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tenant(String cluster, String tenant, TenantRow row, String unreachable,
                List<JobView> running, List<JobView> history, List<BackupSetView> sets, BackupChart chart,
                String message);
    }

    @Inject
    PageAccess access;

    @Inject
    ClusterGateway gateway;

    @Inject
    OverviewModel overview;

    @Inject
    WebConfig config;

    @Inject
    FailureExplanations explanations;

    @Inject
    Messages msg;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance tenant(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @QueryParam("msg") String message) {
        Operator who = access.who();
        access.requireView(who, cluster, tenant);
        String flash = Flash.text(msg, message);
        ClusterStatus status = status(cluster);
        if (status instanceof ClusterStatus.Unreachable unreachable) {
            return Templates.tenant(cluster, tenant, null, unreachable.reason(), List.of(), List.of(), List.of(),
                    BackupChart.of(List.of()), flash);
        }
        var snapshot = ((ClusterStatus.Reachable) status).snapshot();
        TenantState state = snapshot.tenant(tenant).orElseThrow(NotFoundException::new);
        TenantRow row = overview.row(who, snapshot, state);
        List<JobView> history = new ArrayList<>();
        List<BackupSetView> sets;
        try {
            for (BackupJob job : gateway.jobs(cluster, config.jobHistory())) {
                if (job.tenantName().equals(tenant) && !job.running()) {
                    history.add(JobView.of(cluster, job, snapshot.clusterNow(), explanations.of(job.result())));
                }
            }
            sets = gateway.backupSets(cluster, tenant, BackupChart.LIMIT).stream()
                    .map(set -> new BackupSetView(set, explanations.of(set.result()))).toList();
        } catch (ClusterUnreachableException e) {
            return Templates.tenant(cluster, tenant, row, e.reason(), row.running(), List.of(), List.of(),
                    BackupChart.of(List.of()), flash);
        }
        return Templates.tenant(cluster, tenant, row, null, row.running(), history, sets, BackupChart.of(sets), flash);
    }

    private ClusterStatus status(String cluster) {
        try {
            return gateway.status(cluster);
        } catch (UnknownClusterException e) {
            throw new NotFoundException();
        }
    }
}
