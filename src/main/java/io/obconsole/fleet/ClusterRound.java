package io.obconsole.fleet;

import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.StateRound;
import io.obconsole.cluster.TenantState;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one read of a cluster found changed, each change detected once, where the read happens:
 * its jobs (started, ended, stalled, moving again, no longer listed, each by {@link JobKey}), its
 * restores (appeared, ended), its tenants' archive state and backup sets, and whether it answers. The poller fires one per round
 * of a cluster (synchronously to the audit trail's job ends and the alerts, which hand slow work off
 * their own thread), and again asynchronously to the objective round when it changed what recovery
 * points follow from; the catch-up after a restart fires the ends it finds as the same event.
 * Nobody else decides that a job ended or stalled.
 *
 * @param clusterNow the cluster's clock at the read; null when it did not answer or for a catch-up
 */
public record ClusterRound(String cluster, LocalDateTime clusterNow, List<JobChange> jobs, List<TenantChange> tenants,
        Reach reach, List<RestoreChange> restores) {

    public ClusterRound {
        jobs = List.copyOf(jobs);
        tenants = List.copyOf(tenants);
        restores = List.copyOf(restores);
    }

    /** A round that found no restore appear or end. */
    public ClusterRound(String cluster, LocalDateTime clusterNow, List<JobChange> jobs, List<TenantChange> tenants, Reach reach) {
        this(cluster, clusterNow, jobs, tenants, reach, List.of());
    }

    /** A round in which the cluster did not answer, or answered again after it had not. */
    public static ClusterRound reach(String cluster, Reach reach) {
        return new ClusterRound(cluster, null, List.of(), List.of(), reach);
    }

    /** What a catch-up found: jobs that ended while no console watched. */
    public static ClusterRound caughtUp(String cluster, List<FleetJob> ended) {
        return new ClusterRound(cluster, null, ended.stream().map(job -> new JobChange(JobEvent.ENDED, job, null, Seen.CAUGHT_UP))
                .toList(), List.of(), Reach.STEADY);
    }

    /** The jobs this round found ended. */
    public List<JobChange> ended() {
        return jobs.stream().filter(c -> c.event() == JobEvent.ENDED).toList();
    }

    /** Whether {@code changes} hold one of {@code event} (a job started: its sys job is read with it; one ended: its set). */
    public static boolean any(List<JobChange> changes, JobEvent event) {
        return changes.stream().anyMatch(c -> c.event() == event);
    }

    /** What the recovery points and objectives are computed from may have changed. */
    public boolean changesRecoverability() {
        return any(jobs, JobEvent.ENDED) || !tenants.isEmpty() || reach != Reach.STEADY || restores.stream().anyMatch(RestoreChange::ended);
    }

    /** Whether the cluster answers, where this round changed it. */
    public enum Reach {
        /** As in the round before. */
        STEADY,
        /** It stopped answering with this round. */
        UNREACHABLE,
        /** It answers again. */
        BACK
    }

    public enum JobEvent {
        /** Running now, not running in the round before (or the first read found it running). */
        STARTED,
        /** Listed ended for the first time. */
        ENDED,
        /** Its counters stopped moving for longer than the stall threshold. */
        STALLED,
        /** A stalled job's counters move again. */
        MOVING_AGAIN,
        /** A job listed running in the round before is listed neither running nor ended now. */
        UNLISTED
    }

    /** How the console came to see the change. */
    public enum Seen {
        /** A round of a cluster this console had read before: it happened since that read. */
        WATCHED,
        /** The console's first read of the cluster: it may have happened at any time before. */
        FIRST_READ,
        /** The catch-up after a restart looked up a job the console started and never saw end. */
        CAUGHT_UP
    }

    /**
     * @param job    the job as this round (or, for {@link JobEvent#UNLISTED}, the last one that listed it) saw it
     * @param before the job as the round before saw it; null when it was not listed running then
     */
    public record JobChange(JobEvent event, FleetJob job, FleetJob before, Seen seen) {

        /** The job's counters had stopped moving when the round before read it. */
        public boolean wasStalled() {
            return before != null && before.progress().stalled();
        }
    }

    /** A restore the round before did not list ({@code ended} false), or one listed ended for the first time. */
    public record RestoreChange(FleetRestore restore, boolean ended) {
    }

    public enum TenantEvent {
        /** Backup sets the read before did not list. */
        SETS_ADDED,
        /** The archive log's status changed (e.g. DOING to INTERRUPTED). */
        ARCHIVE_CHANGED
    }

    /** A tenant's change; {@code detail} says what it was (the new set ids, or the archive's old and new status). */
    public record TenantChange(String tenant, TenantEvent event, String detail) {
    }

    /** What the state read {@code after} found changed since {@code before}; nothing on the first read. */
    static List<TenantChange> between(StateRound before, StateRound after) {
        if (before == null || after == null) {
            return List.of();
        }
        Map<Long, ArchiveStatus> archives = before.tenants().stream()
                .collect(Collectors.toMap(t -> t.tenant().id(), TenantState::archive, (a, b) -> a));
        List<TenantChange> changes = new ArrayList<>();
        for (TenantState tenant : after.tenants()) {
            long id = tenant.tenant().id();
            ArchiveStatus was = archives.get(id);
            if (was != null && !was.status().equals(tenant.archive().status())) {
                changes.add(new TenantChange(tenant.name(), TenantEvent.ARCHIVE_CHANGED,
                        was.status() + " -> " + tenant.archive().status()));
            }
            Set<Long> known = ids(before.backupSets().get(id));
            List<Long> added = ids(after.backupSets().get(id)).stream().filter(set -> !known.contains(set)).sorted().toList();
            if (was != null && !added.isEmpty()) {
                changes.add(new TenantChange(tenant.name(), TenantEvent.SETS_ADDED, added.toString()));
            }
        }
        return changes;
    }

    private static Set<Long> ids(List<BackupSetFile> sets) {
        return sets == null ? Set.of() : sets.stream().map(BackupSetFile::backupSetId).collect(Collectors.toSet());
    }
}
