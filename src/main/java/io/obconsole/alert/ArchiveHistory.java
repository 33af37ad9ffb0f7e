package io.obconsole.alert;

import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.TenantState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the console saw of each tenant's log archive over time, as intervals of one status (cluster
 * time), kept in the console database for the 30-day recovery-point timeline: OceanBase keeps only
 * the current round's checkpoint. An interval is extended at most every few minutes.
 */
@ApplicationScoped
public class ArchiveHistory {

    private static final Duration EXTEND_EVERY = Duration.ofMinutes(5);

    /** One interval of one archive status. */
    public record Interval(String status, LocalDateTime from, LocalDateTime to) {
        public boolean doing() {
            return ArchiveStatus.doing(status);
        }
    }

    private record Open(long id, String status, LocalDateTime written) {
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();

    void observe(ClusterSnapshot snapshot) {
        LocalDateTime now = snapshot.clusterNow();
        if (now == null) {
            return;
        }
        for (TenantState tenant : snapshot.tenants()) {
            String key = snapshot.cluster() + "/" + tenant.name();
            String status = tenant.archive().status();
            Open last = open.get(key);
            if (last != null && last.status.equals(status)) {
                if (Duration.between(last.written, now).compareTo(EXTEND_EVERY) >= 0) {
                    extend(last.id, now);
                    open.put(key, new Open(last.id, status, now));
                }
            } else {
                if (last != null) {
                    extend(last.id, now);
                }
                open.put(key, new Open(start(snapshot.cluster(), tenant.name(), status, now), status, now));
            }
        }
    }

    private void extend(long id, LocalDateTime to) {
        AlertTables.run("archive interval not extended", () -> ArchiveInterval.update("toTime = ?1 where id = ?2", to, id));
    }

    private long start(String cluster, String tenant, String status, LocalDateTime at) {
        return AlertTables.call("archive interval not stored", () -> {
            ArchiveInterval interval = new ArchiveInterval();
            interval.cluster = cluster;
            interval.tenant = tenant;
            interval.status = status;
            interval.fromTime = at;
            interval.toTime = at;
            interval.persist();
            return interval.id;
        });
    }

    /** The intervals that reach into {@code since} or later, oldest first. */
    public List<Interval> since(String cluster, String tenant, LocalDateTime since) {
        return AlertTables.call("archive history not read", () -> ArchiveInterval.<ArchiveInterval>list(
                "cluster = ?1 and tenant = ?2 and toTime >= ?3 order by fromTime", cluster, tenant, since).stream()
                .map(interval -> new Interval(interval.status, interval.fromTime, interval.toTime)).toList());
    }
}
