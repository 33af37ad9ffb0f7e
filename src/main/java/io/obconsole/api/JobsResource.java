package io.obconsole.api;

import io.obconsole.access.Permissions;
import io.obconsole.backup.BackupOverview;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.backup.JobFilter;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Running and ended backup jobs across clusters, filtered, as far as the caller may see them. */
@Path("/api/v1/jobs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobsResource {

    private final BackupOverview overview;
    private final Permissions permissions;

    JobsResource(BackupOverview overview, Permissions permissions) {
        this.overview = overview;
        this.permissions = permissions;
    }

    @GET
    @Operation(summary = "Running and recent jobs, newest first; clusters that did not answer are listed apart")
    public BackupOverview.JobList jobs(@QueryParam("cluster") String cluster, @QueryParam("tenant") String tenant,
            @Parameter(description = "FULL or INC") @QueryParam("type") String type,
            @Parameter(description = "INIT, DOING, COMPLETED, FAILED, CANCELING, CANCELED") @QueryParam("status") String status,
            @Parameter(description = "Jobs started at or after this cluster time, e.g. 2024-05-20T10:00:00")
            @QueryParam("since") String since) {
        return overview.jobs(permissions.current(), new JobFilter(blankToNull(cluster), blankToNull(tenant),
                blankToNull(type), blankToNull(status), since(since)));
    }

    private static LocalDateTime since(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since must be a time like 2024-05-20T10:00:00 (cluster time)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
