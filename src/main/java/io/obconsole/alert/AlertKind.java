package io.obconsole.alert;

import java.util.Set;

/** What an alert is about; channels route by it. Each kind says what an on-call operator should do next. */
public enum AlertKind {
    JOB_FAILED("A backup job failed", "Read OceanBase's code and comment on the job, fix the cause (destination, archive, space), then start the backup again."),
    JOB_STALLED("A backup job has stopped moving", "Open the job: if its counters stay still, check the observers' logs and the backup destination; cancel and restart it if it does not resume."),
    JOB_RESUMED("Backup job no longer stalled", "Nothing to do if it moves on; if it ended Failed, a message of its own gives OceanBase's code and comment."),
    POLICY_RUN_SKIPPED("A scheduled backup was skipped", "Read the reason; fix the tenant's prerequisites (archive DOING, destination set) so the next run starts."),
    POLICY_RUN_MISSED("A scheduled backup missed its slot", "Check that a console instance was running at the slot; start the backup by hand if the objective needs it."),
    POLICY_RUN_FAILED_TO_START("A scheduled backup could not start", "Read OceanBase's answer in the reason and fix it, then start the backup by hand."),
    OBJECTIVE_AT_RISK("Recovery-point objective at risk", "Start a backup (or fix log archiving) before the objective is breached."),
    OBJECTIVE_BREACHED("Recovery-point objective breached", "Start a backup now (or restore log archiving to DOING) and find why scheduled backups did not keep up."),
    OBJECTIVE_RECOVERED("Recovery-point objective met again", "Nothing to do; the tenant is within its objective."),
    DRILL_FAILED("A restore drill failed", "Read why on the tenant's page: a backup that does not restore (missing archive piece, unreadable set, wrong decryption key) must be fixed, then run the drill again."),
    RESTORE_TIME_BREACHED("Restore-time objective breached", "The last proven drill's restore took longer than the objective: give the restore more resources (unit size, concurrency) or fewer logs to replay (more frequent backups), or agree a longer objective."),
    RESTORE_TIME_MET("Restore-time objective met again", "Nothing to do; the last proven drill restored within the objective."),
    PROVEN_WITHIN_BREACHED("No drill proved the backups restorable recently enough", "Open the tenant's drills: fix why they fail or are skipped (drill cluster, pool, window), or run a drill now."),
    PROVEN_WITHIN_MET("Backups proven restorable again", "Nothing to do; a drill proved the tenant restorable within the objective."),
    CLUSTER_UNREACHABLE("Cluster unreachable", "Check the observer or obproxy, the network and the console's cluster account; backups and alerts for it are blind meanwhile."),
    CLUSTER_REACHABLE("Cluster answers again", "Nothing to do; look at the cluster's jobs for anything that ended meanwhile."),
    AUDIT_CHAIN_BROKEN("Audit chain check failed", "Open the Audit page, run the chain check and investigate the named record: the trail was altered outside the console."),
    AUDIT_CHAIN_INTACT("Audit chain check passes again", "Nothing to do now; keep what you found about the altered record with the incident."),
    TEST("Test notification", "Nothing to do: an admin sent this from the console to check the channel.");

    private final String title;
    private final String nextStep;

    AlertKind(String title, String nextStep) {
        this.title = title;
        this.nextStep = nextStep;
    }

    public String title() {
        return title;
    }

    public String nextStep() {
        return nextStep;
    }

    /** A recovery (sent once, after the condition it ends was sent). */
    public boolean recovery() {
        return !ends().isEmpty();
    }

    /** The kinds of condition this recovery ends (empty for anything else): a channel that routes those routes it too. */
    public Set<AlertKind> ends() {
        return switch (this) {
            case JOB_RESUMED -> Set.of(JOB_STALLED);
            case OBJECTIVE_RECOVERED -> Set.of(OBJECTIVE_AT_RISK, OBJECTIVE_BREACHED);
            case RESTORE_TIME_MET -> Set.of(RESTORE_TIME_BREACHED);
            case PROVEN_WITHIN_MET -> Set.of(PROVEN_WITHIN_BREACHED);
            case CLUSTER_REACHABLE -> Set.of(CLUSTER_UNREACHABLE);
            case AUDIT_CHAIN_INTACT -> Set.of(AUDIT_CHAIN_BROKEN);
            default -> Set.of();
        };
    }
}
