package io.obconsole.alert;

import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.Fleet;
import io.obconsole.fleet.FleetJob;
import io.obconsole.window.RestoreWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant state objectives are computed from, read from the fleet read model the poller keeps:
 * answering never queries a cluster.
 */
@ApplicationScoped
public class FleetTenantStates implements TenantStates {

    private final Fleet fleet;

    public FleetTenantStates(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public List<ClusterReading> clusters() {
        List<ClusterReading> readings = new ArrayList<>();
        for (ClusterState state : fleet.clusters()) {
            if (!state.reachable()) {
                readings.add(new ClusterReading(state.cluster(), null, state.problem().reason(), state.problem().since()));
            } else if (state.read()) {
                readings.add(new ClusterReading(state.cluster(), new ClusterSnapshot(state.cluster(), state.mode(),
                        state.version(), state.clusterNow(), state.tenants()), null, null));
            }
        }
        return readings;
    }

    @Override
    public List<BackupSetFile> backupSets(String cluster, String tenant) {
        ClusterState state = fleet.cluster(cluster);
        return state.tenant(tenant).map(t -> state.backupSets(t.tenant().id())).orElse(List.of());
    }

    @Override
    public Optional<RestoreWindow> window(String cluster, String tenant) {
        return fleet.recoverableWindow(cluster, tenant);
    }

    @Override
    public List<FleetJob> jobs() {
        List<FleetJob> jobs = new ArrayList<>();
        fleet.clusters().forEach(state -> jobs.addAll(state.jobs()));
        return jobs;
    }
}
