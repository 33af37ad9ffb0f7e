package io.obconsole.backup;

import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.cluster.ObStatement;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The audit bookkeeping around an action on a cluster: the intent before anything runs, the
 * outcome after, with the statements as sent (redacted) and the jobs it touched.
 */
public final class ActionRecords {

    private static final Logger LOG = Logger.getLogger(ActionRecords.class);

    private final AuditTrail audit;

    public ActionRecords(AuditTrail audit) {
        this.audit = audit;
    }

    /** Records the intent; throws (and nothing may run) when the trail cannot take it. */
    public long intent(ActionIntent intent) {
        return audit.recordIntent(intent);
    }

    /** Records how the action ended; a failure to write is logged loudly, never hides the action's own result. */
    public void outcome(long intent, AuditOutcome outcome, List<String> statements, Integer code, String text,
            List<AuditTrail.JobRef> jobs) {
        try {
            audit.recordOutcome(intent, outcome, statements, code, text, jobs);
        } catch (RuntimeException e) {
            LOG.errorf("Audit outcome %s of record %d could not be written: %s", outcome, intent, e.getMessage());
        }
    }

    static List<AuditTrail.JobRef> refs(String cluster, List<StartedJob> jobs) {
        return jobs.stream().map(j -> new AuditTrail.JobRef(cluster, j.tenantId(), j.tenant(), j.incarnation(), j.jobId(),
                j.startedAt())).toList();
    }

    /** The statements sent until OceanBase refused {@code refused} (none if a read before them failed). */
    public static List<ObStatement> sentUpTo(List<ObStatement> plan, ObStatement refused) {
        int index = refused == null ? -1 : plan.indexOf(refused);
        return plan.subList(0, index + 1);
    }

    public static List<String> redacted(List<ObStatement> statements) {
        return statements.stream().map(ObStatement::redacted).toList();
    }
}
