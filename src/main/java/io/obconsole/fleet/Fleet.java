package io.obconsole.fleet;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.StateRound;
import io.obconsole.cluster.TenantState;
import io.obconsole.window.RestoreInterval;
import io.obconsole.window.RestoreWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The read model of every configured cluster, kept by the poller from its rounds. Pages, the API
 * and the socket read it; reading it never sends a statement to a cluster. Each cluster's state
 * is an immutable {@link ClusterState} swapped whole; when what a page shows of a tenant changes
 * with it, {@link TenantsChanged} says so.
 */
@ApplicationScoped
public class Fleet {

    private final ClusterGateway gateway;
    private final Event<TenantsChanged> changes;
    private final Map<String, AtomicReference<ClusterState>> states = new ConcurrentHashMap<>();

    public Fleet(ClusterGateway gateway, Event<TenantsChanged> changes) {
        this.gateway = gateway;
        this.changes = changes;
    }

    /** Every configured cluster in configuration order, read or not. */
    public List<ClusterState> clusters() {
        return gateway.clusters().stream().map(this::cluster).toList();
    }

    /** One cluster's state; {@link io.obconsole.cluster.UnknownClusterException} if it is not configured. */
    public ClusterState cluster(String name) {
        gateway.settings(name);
        return ref(name).get();
    }

    /**
     * A tenant's recoverable window as the last state read found it (computed then, never per
     * call); empty while the cluster or the tenant has not been read. The caller checks scope.
     *
     * @throws io.obconsole.cluster.UnknownClusterException if the cluster is not configured
     */
    public Optional<RestoreWindow> recoverableWindow(String cluster, String tenant) {
        ClusterState state = cluster(cluster);
        if (!state.read()) {
            return Optional.empty();
        }
        return state.state().tenants().stream().filter(t -> t.name().equals(tenant)).findFirst()
                .flatMap(t -> state.window(t.tenant().id()));
    }

    /** A progress round read the cluster's jobs. */
    public void progressRead(String cluster, LocalDateTime clusterNow, List<FleetJob> jobs) {
        progressRead(cluster, clusterNow, jobs, List.of());
    }

    /** A progress round read the cluster's backup jobs and its restores. */
    public void progressRead(String cluster, LocalDateTime clusterNow, List<FleetJob> jobs, List<FleetRestore> restores) {
        Instant at = Instant.now();
        update(cluster, s -> s.withProgress(at, clusterNow, jobs, restores));
    }

    /**
     * The slower read found the cluster's tenants, their state and backup sets.
     *
     * @return what changed since the read before (archive states, sets added); nothing at the first read
     */
    public List<ClusterRound.TenantChange> stateRead(StateRound round) {
        Instant at = Instant.now();
        StateRound before = ref(round.cluster()).get().state();
        update(round.cluster(), s -> s.withState(at, round));
        return ClusterRound.between(before, round);
    }

    /** A round failed: what was read before stays, with the reason and since when. */
    public void failed(String cluster, String reason) {
        Instant at = Instant.now();
        update(cluster, s -> s.withProblem(reason, at));
    }

    private void update(String cluster, UnaryOperator<ClusterState> change) {
        AtomicReference<ClusterState> ref = ref(cluster);
        ClusterState before;
        ClusterState after;
        do {
            before = ref.get();
            after = change.apply(before);
        } while (!ref.compareAndSet(before, after));
        Map<String, Shown> was = shown(before);
        Map<String, Shown> now = shown(after);
        Set<String> changed = new TreeSet<>();
        now.forEach((tenant, shown) -> {
            if (!shown.equals(was.get(tenant))) {
                changed.add(tenant);
            }
        });
        was.keySet().stream().filter(tenant -> !now.containsKey(tenant)).forEach(changed::add);
        if (!changed.isEmpty()) {
            changes.fire(new TenantsChanged(cluster, Set.copyOf(changed)));
        }
    }

    /**
     * What the pages show of a tenant as current, by name: its state as read (not the running
     * jobs' moving figures, which the socket carries itself), which jobs run, its sets, whatever
     * concerns every tenant of the cluster (backups from sys, whether it answers).
     */
    private static Map<String, Shown> shown(ClusterState state) {
        Map<String, Shown> shown = new HashMap<>();
        if (state.state() == null) {
            return shown;
        }
        for (TenantState tenant : state.state().tenants()) {
            long id = tenant.tenant().id();
            Set<JobKey> running = state.running().stream().filter(job -> job.job().tenantId() == id)
                    .map(FleetJob::key).collect(Collectors.toSet());
            shown.put(tenant.name(), new Shown(tenant, running, state.backupSets(id), state.state().sysJobs(),
                    state.reachable(), state.window(id).map(RestoreWindow::intervals).orElse(List.of()),
                    restoreStates(state, tenant.name())));
        }
        return shown;
    }

    /** Which restores of the tenant there are and whether each still runs (their moving figures go over the socket). */
    private static Map<String, RestoreStatus> restoreStates(ClusterState state, String tenant) {
        Map<String, RestoreStatus> states = new HashMap<>();
        state.restoresOf(tenant).forEach(r -> states.put(r.key(), r.row().ended() ? r.status() : RestoreStatus.RESTORING));
        return states;
    }

    private record Shown(TenantState tenant, Set<JobKey> running, List<BackupSetFile> sets, List<BackupJob> sysJobs,
            boolean reachable, List<RestoreInterval> window, Map<String, RestoreStatus> restores) {
    }

    private AtomicReference<ClusterState> ref(String cluster) {
        return states.computeIfAbsent(cluster, c -> new AtomicReference<>(ClusterState.notRead(c)));
    }
}
