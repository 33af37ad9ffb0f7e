package io.obconsole.progress;

import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.AuditTrail.JobRef;
import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.UnknownClusterException;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.fleet.JobStatus;
import io.obconsole.fleet.ProgressTrack;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * What a console does when it starts: every job it started whose end is not on the audit trail
 * (the console was stopped while the job ran) is looked up on its cluster and, if it ended, handed
 * on as a {@link ClusterRound} with that end, as a round would have (the trail, the metrics and
 * the alerts take it from there); if the cluster no longer knows it, ended on the trail as
 * "outcome unknown" (no round could have seen that). Exactly once
 * whatever the number of console instances doing the same: the trail's unique key decides. Jobs
 * still running are left to the poller; an unreachable cluster is tried again later.
 */
@ApplicationScoped
public class JobEndCatchUp {

    private static final Logger LOG = Logger.getLogger(JobEndCatchUp.class);
    public static final String FORGOTTEN = "outcome unknown: the cluster no longer knows the job";
    private static final int PER_RUN = 200;

    private final AuditTrail audit;
    private final ClusterGateway gateway;
    private final Event<ClusterRound> rounds;
    private final AtomicBoolean running = new AtomicBoolean();

    JobEndCatchUp(AuditTrail audit, ClusterGateway gateway, Event<ClusterRound> rounds) {
        this.audit = audit;
        this.gateway = gateway;
        this.rounds = rounds;
    }

    /** At start, off the start-up thread: a slow cluster must not hold the console's start. */
    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::catchUpQuietly, "job-end-catch-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Again now and then, for clusters that did not answer at start. */
    @Scheduled(every = "${console.progress.catch-up-interval}", delayed = "${console.progress.catch-up-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        catchUpQuietly();
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warnf("Catching up on job ends failed: %s; trying again later", e.getMessage());
        }
    }

    /**
     * One pass over the unended starts.
     *
     * @return how many job ends this pass found (handed on, or written as unknown)
     */
    public int catchUp() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int written = 0;
            for (JobRef job : audit.unendedStarts(PER_RUN)) {
                written += settle(job) ? 1 : 0;
            }
            return written;
        } finally {
            running.set(false);
        }
    }

    private boolean settle(JobRef job) {
        List<BackupJob> rows;
        try {
            rows = gateway.jobsWithId(job.cluster(), job.tenantId(), job.jobId());
        } catch (ClusterUnreachableException | UnknownClusterException e) {
            return false;
        }
        Optional<BackupJob> same = rows.stream().filter(row -> sameJob(job, row)).findFirst();
        if (same.isPresent() && JobStatus.running(same.get())) {
            return false;
        }
        if (same.isEmpty()) {
            boolean written = audit.recordJobEnded(job, JobStatus.UNKNOWN.name(), 0, FORGOTTEN);
            if (written) {
                LOG.infof("Job %s ended while the console was away: %s", job.key(), FORGOTTEN);
            }
            return written;
        }
        LOG.infof("Job %s ended while the console was away: %s", job.key(), same.get().status());
        rounds.fire(ClusterRound.caughtUp(job.cluster(), List.of(ProgressTrack.ended(job.cluster(), same.get()))));
        return true;
    }

    /** The same job, not a later one that reuses its id: incarnation and start time (to the microsecond) agree. */
    private static boolean sameJob(JobRef job, BackupJob row) {
        JobRef seen = new JobRef(job.cluster(), row.tenantId(), row.tenantName(), row.incarnation(), row.jobId(), row.start());
        return seen.key().equals(job.key());
    }
}
