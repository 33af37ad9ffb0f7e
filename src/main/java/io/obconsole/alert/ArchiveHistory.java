package io.obconsole.alert;

import io.agroal.api.AgroalDataSource;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.TenantState;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
            return "DOING".equals(status);
        }
    }

    private record Open(long id, String status, LocalDateTime written) {
    }

    private final AgroalDataSource db;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    public ArchiveHistory(AgroalDataSource db) {
        this.db = db;
    }

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
        Transactions.run(db, "archive interval not extended", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE alert_archive_interval SET to_time = ? WHERE id = ?")) {
                s.setObject(1, to);
                s.setLong(2, id);
                return s.executeUpdate();
            }
        });
    }

    private long start(String cluster, String tenant, String status, LocalDateTime at) {
        return Transactions.run(db, "archive interval not stored", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_archive_interval (cluster_name, tenant_name, "
                    + "archive_status, from_time, to_time) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, cluster);
                s.setString(2, tenant);
                s.setString(3, status);
                s.setObject(4, at);
                s.setObject(5, at);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The intervals that reach into {@code since} or later, oldest first. */
    public List<Interval> since(String cluster, String tenant, LocalDateTime since) {
        return Transactions.run(db, "archive history not read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT archive_status, from_time, to_time FROM "
                    + "alert_archive_interval WHERE cluster_name = ? AND tenant_name = ? AND to_time >= ? ORDER BY from_time")) {
                s.setString(1, cluster);
                s.setString(2, tenant);
                s.setObject(3, since);
                List<Interval> intervals = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        intervals.add(new Interval(rs.getString(1), rs.getObject(2, LocalDateTime.class),
                                rs.getObject(3, LocalDateTime.class)));
                    }
                }
                return intervals;
            }
        });
    }
}
