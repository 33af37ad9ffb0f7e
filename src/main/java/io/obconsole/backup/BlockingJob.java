package io.obconsole.backup;

import io.obconsole.fleet.ClusterTime;
import java.time.LocalDateTime;

/**
 * The running backup a preflight finding is about, named as every page names a job: by the
 * tenant's own job (the number the tenant page and the Jobs page show), with the job sys started
 * it under as its parent where that matters (OceanBase's admission rule counts sys's job). Its
 * start is the tenant job's own start, the time the pages show for it.
 *
 * @param tenant    the tenant whose job it is
 * @param jobId     the tenant's job; null only when sys's job has no part running on any tenant any more
 * @param sysJobId  the job sys started of which this is a part; null for a job the tenant started itself
 * @param status    OceanBase's status of the job (DOING, ...)
 * @param startedBy who started it through the console (a person, or a policy on their behalf);
 *                  null when it was started outside the console
 * @param startedAt when it started (cluster time, as the cluster's own rows give it); null if unknown
 */
public record BlockingJob(String tenant, Long jobId, Long sysJobId, String status, String startedBy,
        LocalDateTime startedAt) {

    /** {@code job 3 of mysql_tenant, part of sys job 10}; {@code sys job 10} when no part of it runs any more. */
    public String name() {
        if (jobId == null) {
            return "sys job " + sysJobId;
        }
        return "job " + jobId + " of " + tenant + (sysJobId == null ? "" : ", part of sys job " + sysJobId);
    }

    /** {@code started by ada} or {@code started outside the console}; the page adds the time as it shows times. */
    public String starter() {
        return startedBy == null ? "started outside the console" : "started by " + startedBy;
    }

    /** The start in plain text, for messages that carry no markup (API errors, policy run notes). */
    public String startedInWords() {
        return starter() + " at " + (startedAt == null ? "an unknown time" : ClusterTime.utcText(startedAt));
    }
}
