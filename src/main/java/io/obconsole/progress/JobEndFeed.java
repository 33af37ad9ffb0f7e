package io.obconsole.progress;

import io.obconsole.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.jboss.logging.Logger;

/**
 * Hands every job end the poller sees to the audit trail ("job ended" system records) and the
 * metrics. The trail keeps one record per job whatever the number of calls (across restarts and
 * instances), so an end is offered again until the trail has taken it.
 */
@ApplicationScoped
public class JobEndFeed {

    private static final Logger LOG = Logger.getLogger(JobEndFeed.class);

    private static final int PER_ROUND = 50;

    private final Instance<AuditTrail> audit;
    private final ProgressMetrics metrics;

    /** Ends not yet taken by the trail (new, or refused while its database was down), oldest first. */
    private final Map<String, JobProgress> pending = new LinkedHashMap<>();
    private JobProgress warned;

    public JobEndFeed(Instance<AuditTrail> audit, ProgressMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Offers this round's newly ended jobs, then those the trail refused before, at most
     * {@value #PER_ROUND} per round and none after a refusal, so that a slow or failing audit
     * database costs a round little.
     */
    synchronized void offer(List<JobProgress> newlyEnded) {
        newlyEnded.forEach(job -> pending.putIfAbsent(job.ref().key(), job));
        int calls = 0;
        for (JobProgress job : List.copyOf(pending.values())) {
            if (calls++ >= PER_ROUND) {
                return;
            }
            try {
                if (!audit.isResolvable() || audit.get().recordJobEnded(job.ref(), job.status(), job.result() == null ? 0 : job.result(), job.comment())) {
                    // new to the trail (or no trail deployed): new to the console's metrics as well
                    metrics.ended(job);
                }
                pending.remove(job.ref().key());
            } catch (RuntimeException e) {
                if (!job.equals(warned)) {
                    warned = job;
                    LOG.warnf("Audit trail did not take the end of job %s (%s); trying again next round", job.key(),
                            e.getMessage());
                }
                return;
            }
        }
    }
}
