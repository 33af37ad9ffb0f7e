package io.obconsole.fleet;

import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.StateRound;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The read model of every configured cluster, kept by the poller from its rounds. Pages, the API
 * and the socket read it; reading it never sends a statement to a cluster. Each cluster's state
 * is an immutable {@link ClusterState} swapped whole.
 */
@ApplicationScoped
public class Fleet {

    private final ClusterGateway gateway;
    private final Map<String, AtomicReference<ClusterState>> states = new ConcurrentHashMap<>();

    public Fleet(ClusterGateway gateway) {
        this.gateway = gateway;
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

    /** A progress round read the cluster's jobs. */
    public void progressRead(String cluster, LocalDateTime clusterNow, List<FleetJob> jobs) {
        Instant at = Instant.now();
        ref(cluster).updateAndGet(s -> s.withProgress(at, clusterNow, jobs));
    }

    /** The slower read found the cluster's tenants, their state and backup sets. */
    public void stateRead(StateRound round) {
        Instant at = Instant.now();
        ref(round.cluster()).updateAndGet(s -> s.withState(at, round));
    }

    /** A round failed: what was read before stays, with the reason and since when. */
    public void failed(String cluster, String reason) {
        Instant at = Instant.now();
        ref(cluster).updateAndGet(s -> s.withProblem(reason, at));
    }

    private AtomicReference<ClusterState> ref(String cluster) {
        return states.computeIfAbsent(cluster, c -> new AtomicReference<>(ClusterState.notRead(c)));
    }
}
