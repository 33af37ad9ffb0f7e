package io.obconsole.web;

import io.obconsole.failure.FailureExplanations;
import io.obconsole.fleet.Fleet;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.progress.JobFragments;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages' fragments of one job for the live channel, rendered by the very templates the pages
 * render ({@code jobs$row}, {@code tenant$running}, {@code overview$progress}): the Jobs and tenant
 * pages' row, the tenant page's running block with its tasks, the overview's progress.
 */
@ApplicationScoped
public class LiveFragments implements JobFragments {

    private final Fleet fleet;
    private final FailureExplanations explanations;

    LiveFragments(Fleet fleet, FailureExplanations explanations) {
        this.fleet = fleet;
        this.explanations = explanations;
    }

    @Override
    public Map<String, String> render(FleetJob job, boolean mayOperate) {
        JobView view = JobView.of(job, fleet.cluster(job.cluster()).clusterNow(), explanations);
        Map<String, String> html = new LinkedHashMap<>();
        html.put("row", JobsResource.Templates.jobs$row(new JobsResource.JobRow(view, mayOperate && job.running())).render());
        if (job.running()) {
            html.put("running", TenantResource.Templates.tenant$running(view, mayOperate).render());
            html.put("progress", OverviewResource.Templates.overview$progress(view).render());
        }
        return html;
    }

    @Override
    public Map<String, String> render(FleetRestore restore, boolean mayRestore) {
        return Map.of("restore", JobsResource.Templates.jobs$restore(JobsResource.restoreRow(restore, mayRestore,
                explanations)).render());
    }
}
