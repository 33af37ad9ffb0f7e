package io.obconsole.alert;

import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterStatus;
import io.obconsole.cluster.TenantState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Until the fleet read model exists: one snapshot per cluster per objective round, and a tenant's
 * backup sets only when its newest good sets changed. Pages and the API read what this kept.
 */
@ApplicationScoped
public class PolledTenantStates implements TenantStates {

    private static final Logger LOG = Logger.getLogger(PolledTenantStates.class);

    /** Enough sets for the 30-day timeline of a tenant backed up several times a day. */
    static final int SETS = 200;

    private final ClusterGateway gateway;
    private final Clock clock;
    private final Map<String, ClusterReading> readings = new ConcurrentHashMap<>();
    private final Map<String, Sets> sets = new ConcurrentHashMap<>();

    public PolledTenantStates(ClusterGateway gateway) {
        this.gateway = gateway;
        this.clock = Clock.systemUTC();
    }

    @Override
    public synchronized void refresh() {
        for (ClusterStatus status : gateway.overview()) {
            ClusterReading before = readings.get(status.cluster());
            if (status instanceof ClusterStatus.Reachable reachable) {
                readings.put(status.cluster(), new ClusterReading(status.cluster(), reachable.snapshot(), null, null));
                reachable.snapshot().tenants().forEach(t -> refreshSets(status.cluster(), t));
            } else if (status instanceof ClusterStatus.Unreachable unreachable) {
                Instant since = before != null && !before.reachable() ? before.unreachableSince() : clock.instant();
                readings.put(status.cluster(), new ClusterReading(status.cluster(), null, unreachable.reason(), since));
            }
        }
        readings.keySet().retainAll(gateway.clusters());
    }

    private void refreshSets(String cluster, TenantState tenant) {
        String key = cluster + "/" + tenant.name();
        // a job starting or ending (failed sets too) also changes the list
        String newest = id(tenant.lastFull()) + "/" + id(tenant.lastInc()) + "/" + tenant.running().size();
        Sets known = sets.get(key);
        if (known != null && Objects.equals(known.newest, newest)) {
            return;
        }
        try {
            sets.put(key, new Sets(newest, gateway.backupSets(cluster, tenant.name(), SETS)));
        } catch (RuntimeException e) {
            LOG.debugf("Backup sets of %s not read: %s", key, e.getMessage());
        }
    }

    private static long id(BackupSet set) {
        return set == null ? 0 : set.backupSetId();
    }

    @Override
    public List<ClusterReading> clusters() {
        List<ClusterReading> list = new ArrayList<>();
        for (String cluster : gateway.clusters()) {
            ClusterReading reading = readings.get(cluster);
            if (reading != null) {
                list.add(reading);
            }
        }
        return list;
    }

    @Override
    public List<BackupSetFile> backupSets(String cluster, String tenant) {
        Sets known = sets.get(cluster + "/" + tenant);
        return known == null ? List.of() : known.files;
    }

    private record Sets(String newest, List<BackupSetFile> files) {
    }
}
