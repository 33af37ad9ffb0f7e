package io.obconsole.web;

import io.obconsole.failure.FailureKind;
import io.obconsole.failure.FailureExplanations;
import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.drill.DrillProof;
import io.obconsole.drill.DrillRunView;
import io.obconsole.drill.DrillState;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.drill.DrillService;
import io.obconsole.cluster.TenantState;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetView;
import io.obconsole.fleet.FleetView.VisibleCluster;
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
import java.util.List;
import java.util.Set;

/**
 * One tenant from the fleet read model: its running job with tasks and phases, its job history
 * and backup sets, a chart, its concurrency, and how fresh all that is.
 */
@Path("/clusters/{cluster}/tenants/{tenant}")
public class TenantResource {

    private static final int DRILL_HISTORY = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tenant(String cluster, String tenant, TenantRow row, String unreachable,
                String readAgo, List<JobView> running, boolean canCancel, List<JobView> history,
                List<BackupSetView> sets, BackupChart chart, RecoverableWindowSection window,
                List<JobsResource.RestoreJobRow> restores, DrillProof drills, DrillHistory drillHistory,
                DrillRestore drillRestore, String message);

        /** The running job's block with its task table, for the page and for every live update. */
        static native TemplateInstance tenant$running(JobView job, boolean canCancel);
    }

    private static final Set<FailureKind> UNKNOWN_CLUSTER = Set.of(FailureKind.UNKNOWN_CLUSTER);

    @Inject
    PageFailures failures;

    @Inject
    PageAccess access;

    @Inject
    FleetView fleet;

    @Inject
    OverviewModel overview;

    @Inject
    WebConfig config;

    @Inject
    FailureExplanations explanations;

    @Inject
    Messages msg;

    @Inject
    Permissions permissions;

    @Inject
    DrillService drills;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance tenant(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @QueryParam("msg") String message) {
        Operator who = access.who();
        access.requireView(who, cluster, tenant);
        String flash = Flash.text(msg, message);
        VisibleCluster visible = visible(who, cluster);
        ClusterState state = visible.state();
        String problem = state.problem() != null ? state.problem().reason() : state.read() ? null : msg.not_read_yet();
        if (!state.read()) {
            return Templates.tenant(cluster, tenant, null, problem, null, List.of(), false, List.of(), List.of(),
                    BackupChart.of(List.of()), RecoverableWindowSection.NOT_COMPUTED, List.of(), null, null, null, flash);
        }
        TenantState tenantState = visible.tenants().stream().filter(t -> t.name().equals(tenant)).findFirst()
                .orElseThrow(NotFoundException::new);
        TenantRow row = overview.row(who, state, tenantState);
        List<JobView> history = state.jobs().stream()
                .filter(job -> job.job().tenantId() == tenantState.tenant().id() && !job.running())
                .limit(config.jobHistory()).map(job -> view(state, job)).toList();
        List<BackupSetView> sets = state.backupSets(tenantState.tenant().id()).stream()
                .map(set -> new BackupSetView(set, explanations.of(set.result()))).toList();
        List<DrillRunView> drillRuns = drills.history(who, cluster, tenant, DRILL_HISTORY);
        return Templates.tenant(cluster, tenant, row, problem, overview.readAgo(state), row.running(), row.canStart(),
                history, sets, BackupChart.of(sets), RecoverableWindowSection.of(state, tenantState.tenant().id(), msg, true),
                restores(who, state, tenant), drills.proof(who, cluster, tenant), DrillHistory.of(drillRuns),
                drillRestore(who, drillRuns), flash);
    }

    /**
     * The restore of the scratch tenant a drill of this tenant is running, where the live list
     * keeps it as on the Jobs page; null when no drill is restoring (or its cluster is not the reader's).
     */
    public record DrillRestore(String cluster, String tenant, List<JobsResource.RestoreJobRow> rows) {
    }

    private DrillRestore drillRestore(Operator who, List<DrillRunView> runs) {
        DrillRunView restoring = runs.stream().filter(r -> r.state() == DrillState.RESTORING && r.scratchTenant() != null)
                .findFirst().orElse(null);
        if (restoring == null || !access.canView(who, restoring.drillCluster(), restoring.scratchTenant())) {
            return null;
        }
        try {
            ClusterState drillCluster = fleet.cluster(who, restoring.drillCluster()).state();
            return new DrillRestore(restoring.drillCluster(), restoring.scratchTenant(), drillCluster
                    .restoresOf(restoring.scratchTenant()).stream().filter(FleetRestore::running)
                    .map(r -> JobsResource.restoreRow(r, false, explanations)).toList());
        } catch (RuntimeException e) {
            failures.shown(e, UNKNOWN_CLUSTER);
            return null;
        }
    }

    /** The restores that run into this tenant or created it, as the Jobs page shows them. */
    private List<JobsResource.RestoreJobRow> restores(Operator who, ClusterState state, String tenant) {
        boolean mayRestore = permissions.canRestore(who, state.cluster(), tenant);
        return state.restoresOf(tenant).stream().map(r -> JobsResource.restoreRow(r, mayRestore, explanations)).toList();
    }

    private JobView view(ClusterState state, FleetJob job) {
        return JobView.of(job, state.clusterNow(), explanations);
    }

    private VisibleCluster visible(Operator who, String cluster) {
        try {
            return fleet.cluster(who, cluster);
        } catch (RuntimeException e) {
            throw failures.thrown(e, UNKNOWN_CLUSTER);
        }
    }
}
