package io.obconsole.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads a restore needs on one connection (sys only): the target's pools and units, a source
 * tenant's destinations, tenants' roles, and the restore views for the poller (two rows per job
 * merged into one {@link RestoreRow}).
 */
final class RestoreReader {

    private final String cluster;
    private final ObDialect dialect;
    private final Connection connection;

    RestoreReader(String cluster, ObDialect dialect, Connection connection) {
        this.cluster = cluster;
        this.dialect = dialect;
        this.connection = connection;
    }

    List<ResourcePool> pools() throws SQLException {
        List<ResourcePool> pools = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(dialect.resourcePools())) {
            while (rs.next()) {
                String tenant = rs.getString("TENANT_ID");
                String zones = rs.getString("ZONE_LIST");
                pools.add(new ResourcePool(rs.getString("NAME"), tenant == null || tenant.isBlank() ? null
                        : Long.valueOf(tenant.trim()), (int) Rows.number(rs, "UNIT_COUNT"),
                        zones == null || zones.isBlank() ? List.of() : Arrays.stream(zones.split(";")).map(String::trim).toList(),
                        rs.getString("UNIT_NAME"), rs.getDouble("MAX_CPU"), rs.getDouble("MIN_CPU"),
                        Rows.number(rs, "MEMORY_SIZE"), Rows.number(rs, "LOG_DISK_SIZE")));
            }
        }
        return pools;
    }

    List<ServerCapacity> servers() throws SQLException {
        List<ServerCapacity> servers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(dialect.serverCapacity())) {
            while (rs.next()) {
                servers.add(new ServerCapacity(rs.getString("ZONE"), rs.getString("SVR_IP") + ":" + rs.getString("SVR_PORT"),
                        rs.getDouble("CPU_CAPACITY"), rs.getDouble("CPU_CAPACITY_MAX"), rs.getDouble("CPU_ASSIGNED"),
                        rs.getDouble("CPU_ASSIGNED_MAX"), Rows.number(rs, "MEM_CAPACITY"), Rows.number(rs, "MEM_ASSIGNED"),
                        Rows.number(rs, "LOG_DISK_CAPACITY"), Rows.number(rs, "LOG_DISK_ASSIGNED")));
            }
        }
        return servers;
    }

    List<String> units() throws SQLException {
        return column(dialect.resourceUnits(), "NAME");
    }

    /** The tenant's data and archive destinations in clear (for the RESTORE statement only). */
    RestoreSource source(String tenantName) throws SQLException {
        Map<String, Tenant> tenants = tenants();
        Tenant tenant = tenants.get(dialect.tenant(tenantName, tenants.keySet()).value());
        String data = valueOf(dialect.backupDestinations(), tenant.id());
        String archive = valueOf(dialect.archiveDestinations(), tenant.id());
        return new RestoreSource(cluster, tenant, data == null || data.isBlank() ? null : BackupDestination.of(data),
                archive == null || archive.isBlank() ? null : BackupDestination.of(archive));
    }

    /** TENANT_ROLE of a user tenant; empty when the cluster lists none of that name. */
    Optional<String> role(String tenantName) throws SQLException {
        return tenant(tenantName).map(TenantRole::role);
    }

    /** A user tenant with its id, STATUS and TENANT_ROLE; empty when the cluster lists none of that name. */
    Optional<TenantRole> tenant(String tenantName) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(dialect.tenantRoles())) {
            while (rs.next()) {
                if (tenantName.equals(rs.getString("TENANT_NAME"))) {
                    return Optional.of(new TenantRole(Rows.number(rs, "TENANT_ID"), tenantName, rs.getString("STATUS"),
                            rs.getString("TENANT_ROLE")));
                }
            }
        }
        return Optional.empty();
    }

    Map<String, Tenant> tenants() throws SQLException {
        Map<String, Tenant> tenants = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(dialect.userTenants())) {
            while (rs.next()) {
                tenants.put(rs.getString("TENANT_NAME"), new Tenant(rs.getLong("TENANT_ID"), rs.getString("TENANT_NAME"),
                        rs.getString("COMPATIBILITY_MODE"), rs.getString("STATUS")));
            }
        }
        return tenants;
    }

    /** Running restores; {@code progressColumns} as {@link ObDialect#restoreProgress}. */
    List<RestoreRow> running(boolean progressColumns) throws SQLException {
        return merged(dialect.restoreProgress(progressColumns), false, progressColumns);
    }

    List<RestoreRow> ended(int limit) throws SQLException {
        return merged(dialect.restoreHistory(limit), true, false);
    }

    /** Both rows of a job become one: the tenant's row where it exists (it carries the progress), else the sys row. */
    private List<RestoreRow> merged(String sql, boolean ended, boolean progressColumns) throws SQLException {
        Map<Long, RestoreRow> jobs = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                boolean sysRow = rs.getLong("TENANT_ID") == 1;
                RestoreRow row = row(rs, ended, progressColumns || ended);
                if (!sysRow || !jobs.containsKey(row.jobId())) {
                    RestoreRow sys = jobs.get(row.jobId());
                    jobs.put(row.jobId(), sys == null || !sysRow ? row : sys);
                }
            }
        }
        return List.copyOf(jobs.values());
    }

    private static RestoreRow row(ResultSet rs, boolean ended, boolean tablets) throws SQLException {
        LocalDateTime end = ended ? Rows.time(rs, "FINISH_TIMESTAMP") : null;
        Double restore = !ended && tablets ? decimal(rs, "RESTORE_PROGRESS") : null;
        Double recover = !ended && tablets ? decimal(rs, "RECOVER_PROGRESS") : null;
        return new RestoreRow(rs.getLong("JOB_ID"), rs.getString("RESTORE_TENANT_NAME"), rs.getLong("RESTORE_TENANT_ID"),
                rs.getString("BACKUP_TENANT_NAME"), BackupDestination.mask(rs.getString("BACKUP_DEST")),
                rs.getString("STATUS"), ended, Rows.time(rs, "START_TIMESTAMP"), end, longOrNull(rs, "RESTORE_SCN"),
                rs.getString("RESTORE_SCN_DISPLAY"), restore, recover, tablets ? longOrNull(rs, "TABLET_COUNT") : null,
                tablets ? longOrNull(rs, "FINISH_TABLET_COUNT") : null, longOrNull(rs, "TOTAL_BYTES"),
                ended ? rs.getString("COMMENT") : null, rs.getString("DESCRIPTION"));
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
    }

    private String valueOf(String sql, long tenantId) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                if (rs.getLong("TENANT_ID") == tenantId) {
                    return rs.getString("VALUE");
                }
            }
        }
        return null;
    }

    private List<String> column(String sql, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(column));
            }
        }
        return values;
    }
}
