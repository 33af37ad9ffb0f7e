package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.BackupJob;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetView;
import io.obconsole.fleet.JobFilter;
import io.obconsole.fleet.Progress;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Running and ended backup jobs across clusters, filtered, as far as the caller may see them (from the fleet read model). */
@Path("/api/v1/jobs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobsResource {

    private final FleetView fleet;
    private final Permissions permissions;

    JobsResource(FleetView fleet, Permissions permissions) {
        this.fleet = fleet;
        this.permissions = permissions;
    }

    /** A job: its cluster, key, status, the fleet's progress and OceanBase's row. */
    public record JobItem(String cluster, String key, String status, boolean running, Progress progress, BackupJob job) {
        static JobItem of(FleetJob job) {
            return new JobItem(job.cluster(), job.key().text(), job.status().name(), job.running(), job.progress(),
                    job.job());
        }
    }

    /** A cluster whose jobs could not be read: why, and when it was last read. */
    public record Unreadable(String cluster, String reason, Instant readAt) {
    }

    /** Jobs across clusters, newest first, with the clusters that could not be read. */
    public record JobList(List<JobItem> jobs, List<Unreadable> unreachable) {
    }

    @GET
    @Operation(summary = "Running and recent jobs, newest first; clusters that did not answer are listed apart")
    public JobList jobs(@QueryParam("cluster") String cluster, @QueryParam("tenant") String tenant,
            @Parameter(description = "FULL or INC") @QueryParam("type") String type,
            @Parameter(description = "RUNNING, INIT, DOING, COMPLETED, FAILED, CANCELING, CANCELED") @QueryParam("status") String status,
            @Parameter(description = "Jobs started at or after this cluster time, e.g. 2024-05-20T10:00:00")
            @QueryParam("since") String since) {
        FleetView.JobList list = fleet.jobs(permissions.current(),
                new JobFilter(cluster, tenant, type, status, since(since), null, null));
        return new JobList(list.jobs().stream().map(JobItem::of).toList(), list.unreadable().stream()
                .map(s -> new Unreadable(s.cluster(), ClusterView.reason(s), s.oldestRead())).toList());
    }

    private static LocalDateTime since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since must be a time like 2024-05-20T10:00:00 (cluster time)");
        }
    }
}
