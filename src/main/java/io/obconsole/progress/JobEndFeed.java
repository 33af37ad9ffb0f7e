package io.obconsole.progress;

import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.AuditTrail.JobRef;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.fleet.ClusterRound.JobChange;
import io.obconsole.fleet.FleetJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Hands every job end a cluster round (or the catch-up after a restart) found to the audit trail
 * ("job ended" system records) and the metrics. The trail keeps one record per job whatever the
 * number of calls (across restarts and instances), so an end is offered again, with each round,
 * until the trail has taken it.
 */
@ApplicationScoped
public class JobEndFeed {

    private static final Logger LOG = Logger.getLogger(JobEndFeed.class);

    private static final int PER_ROUND = 50;

    private final Instance<AuditTrail> audit;
    private final ProgressMetrics metrics;

    /** Ends not yet taken by the trail (new, or refused while its database was down), oldest first. */
    private final Map<String, FleetJob> pending = new LinkedHashMap<>();
    private FleetJob warned;

    public JobEndFeed(Instance<AuditTrail> audit, ProgressMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Offers this round's newly ended jobs, then those the trail refused before, at most
     * {@value #PER_ROUND} per round and none after a refusal, so that a slow or failing audit
     * database costs a round little.
     */
    synchronized void round(@Observes ClusterRound round) {
        round.ended().stream().map(JobChange::job).forEach(job -> pending.putIfAbsent(job.key().text(), job));
        int calls = 0;
        for (FleetJob job : List.copyOf(pending.values())) {
            if (calls++ >= PER_ROUND) {
                return;
            }
            try {
                if (!audit.isResolvable() || audit.get().recordJobEnded(ref(job), job.status().name(), job.job().result(),
                        job.job().comment())) {
                    // new to the trail (or no trail deployed): new to the console's metrics as well
                    metrics.ended(job);
                }
                pending.remove(job.key().text());
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

    /** The job as the audit trail keys it: the same text as its {@link io.obconsole.fleet.JobKey}. */
    public static JobRef ref(FleetJob job) {
        return new JobRef(job.cluster(), job.key().tenantId(), job.tenant(), job.key().incarnation(), job.key().jobId(),
                job.key().start());
    }
}
