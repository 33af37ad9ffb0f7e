package io.obconsole.fleet;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.StateRound;
import io.obconsole.cluster.TenantState;
import io.obconsole.window.RestoreWindow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the console knows of one cluster, as the poller last read it: replaced whole after
 * each round, never changed, so every request reads it without locks and without cluster I/O.
 *
 * @param progressReadAt when the jobs were last read (console clock), null before the first round
 * @param stateReadAt    when tenants, archive, destinations, concurrency and sets were last read
 * @param state          that slower read, null before it first succeeded
 * @param jobs           running and recent ended jobs, newest start first
 * @param problem        why the last round failed, null while the cluster answers
 * @param windows        each tenant's recoverable window from the state read (key: tenant id)
 * @param restores       running and recently ended restores into this cluster, newest start first
 */
public record ClusterState(String cluster, Instant progressReadAt, Instant stateReadAt, LocalDateTime clusterNow,
        StateRound state, List<FleetJob> jobs, Problem problem, Map<Long, RestoreWindow> windows,
        List<FleetRestore> restores) {

    /** The last round failed: the driver's or OceanBase's reason, and since when it fails. */
    public record Problem(String reason, Instant since) {
    }

    static ClusterState notRead(String cluster) {
        return new ClusterState(cluster, null, null, null, null, List.of(), null, Map.of(), List.of());
    }

    /** Whether there is anything to show: tenants were read at least once. */
    public boolean read() {
        return state != null;
    }

    public boolean reachable() {
        return problem == null;
    }

    public ClusterMode mode() {
        return state == null ? null : state.mode();
    }

    public String version() {
        return state == null ? null : state.version();
    }

    /** The user tenants with their running jobs attached (empty before the first read). */
    public List<TenantState> tenants() {
        if (state == null) {
            return List.of();
        }
        return state.tenants().stream().map(this::withRunning).toList();
    }

    public Optional<TenantState> tenant(String name) {
        return tenants().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** A tenant's newest backup sets, successful or not, newest first. */
    public List<BackupSetFile> backupSets(long tenantId) {
        return state == null ? List.of() : state.backupSets().getOrDefault(tenantId, List.of());
    }

    /** The tenant's recoverable window as of the state read; empty before the first one. */
    public Optional<RestoreWindow> window(long tenantId) {
        return Optional.ofNullable(windows.get(tenantId));
    }

    public List<FleetJob> running() {
        return jobs.stream().filter(FleetJob::running).toList();
    }

    /** The read as the preflight and the API's tenant view take it. */
    public ClusterSnapshot snapshot() {
        return new ClusterSnapshot(cluster, mode(), version(), clusterNow, tenants(),
                state == null ? List.of() : state.sysJobs());
    }

    /** The older of the two reads: how fresh the page built from this state is at worst. */
    public Instant oldestRead() {
        if (progressReadAt == null || stateReadAt == null) {
            return progressReadAt == null ? stateReadAt : progressReadAt;
        }
        return progressReadAt.isBefore(stateReadAt) ? progressReadAt : stateReadAt;
    }

    private TenantState withRunning(TenantState tenant) {
        List<BackupJob> running = jobs.stream()
                .filter(j -> j.running() && j.job().tenantId() == tenant.tenant().id()).map(FleetJob::job).toList();
        return new TenantState(tenant.tenant(), tenant.archive(), tenant.backupDest(), tenant.threadScore(),
                tenant.lastFull(), tenant.lastInc(), running);
    }

    /** The restores of one (new) tenant, newest first. */
    public List<FleetRestore> restoresOf(String tenant) {
        return restores.stream().filter(r -> r.tenant().equals(tenant)).toList();
    }

    public Optional<FleetRestore> restore(String key) {
        return restores.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    ClusterState withProgress(Instant at, LocalDateTime now, List<FleetJob> newJobs, List<FleetRestore> newRestores) {
        List<FleetJob> sorted = newJobs.stream().sorted(NEWEST_FIRST).toList();
        List<FleetRestore> restoresSorted = newRestores.stream().sorted(Comparator.comparing(
                (FleetRestore r) -> r.row().start(), Comparator.nullsLast(Comparator.reverseOrder()))).toList();
        return new ClusterState(cluster, at, stateReadAt, now, state, sorted, null, windows, restoresSorted);
    }

    ClusterState withState(Instant at, StateRound round) {
        return new ClusterState(cluster, progressReadAt, at, round.clusterNow(), round, jobs, null,
                RecoverableWindows.next(state, windows, round), restores);
    }

    ClusterState withProblem(String reason, Instant at) {
        return new ClusterState(cluster, progressReadAt, stateReadAt, clusterNow, state, jobs,
                problem != null ? problem : new Problem(reason, at), windows, restores);
    }

    private static final Comparator<FleetJob> NEWEST_FIRST = Comparator.comparing(
            (FleetJob j) -> j.job().start(), Comparator.nullsLast(Comparator.reverseOrder()));
}
