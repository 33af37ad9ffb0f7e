package io.obconsole.progress;

import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.AuditTrail.JobRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Hands every job end the poller sees to the audit trail ("job ended" system records) and the
 * metrics. The trail keeps one record per job whatever the number of calls (across restarts and
 * instances), so an end is offered again until the trail has taken it.
 */
@ApplicationScoped
public class JobEndFeed {

    private static final Logger LOG = Logger.getLogger(JobEndFeed.class);

    private final Instance<AuditTrail> audit;
    private final ProgressMetrics metrics;
    /** Ends the trail could not take yet (its database was down): offered again next round. */
    private final Map<String, JobProgress> pending = new ConcurrentHashMap<>();

    public JobEndFeed(Instance<AuditTrail> audit, ProgressMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    void ended(JobProgress job) {
        if (record(job)) {
            metrics.ended(job);
        }
    }

    /** Retries ends the audit database refused earlier. */
    void retryPending() {
        for (JobProgress job : List.copyOf(pending.values())) {
            if (record(job)) {
                metrics.ended(job);
            }
        }
    }

    /** True when this call wrote the record (or there is no trail): the end is new to the console. */
    private boolean record(JobProgress job) {
        if (!audit.isResolvable()) {
            return true;
        }
        try {
            boolean written = audit.get().recordJobEnded(new JobRef(job.cluster(), job.tenantId(), job.tenant(),
                    job.jobId()), job.status(), job.result() == null ? 0 : job.result(), job.comment());
            pending.remove(job.key());
            return written;
        } catch (RuntimeException e) {
            if (pending.put(job.key(), job) == null) {
                LOG.warnf("Audit trail did not take the end of job %s (%s); retrying next round", job.key(), e.getMessage());
            }
            return false;
        }
    }
}
