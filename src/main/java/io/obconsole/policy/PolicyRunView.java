package io.obconsole.policy;

import io.obconsole.cluster.BackupType;
import io.obconsole.urls.PageUrls;
import java.time.Instant;
import java.util.List;

/**
 * One run of a policy as pages and the API show it. {@code outcome} is null while the start is
 * under way; {@code jobs} are the jobs it started, each with the link to its page.
 */
public record PolicyRunView(long id, BackupType type, Instant slot, PolicyRunOutcome outcome, String reason,
        Long auditId, Instant recordedAt, List<JobLink> jobs) {

    /** A job a run started, and where it is shown. */
    public record JobLink(String tenant, long tenantId, long jobId, String href) {
    }

    static PolicyRunView of(PolicyRun run) {
        List<JobLink> jobs = run.jobRefs == null ? List.of()
                : java.util.Arrays.stream(run.jobRefs.split(",")).map(ref -> ref.split(":"))
                        .map(p -> new JobLink(p[0], Long.parseLong(p[1]), Long.parseLong(p[2]),
                                PageUrls.tenant(run.cluster, p[0])))
                        .toList();
        return new PolicyRunView(run.id, run.kind, run.slot.toInstant(java.time.ZoneOffset.UTC), run.outcome, run.reason,
                run.auditId, run.recordedAt == null ? null : run.recordedAt.toInstant(java.time.ZoneOffset.UTC), jobs);
    }
}
