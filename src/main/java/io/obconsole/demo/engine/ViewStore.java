package io.obconsole.demo.engine;

import java.sql.Connection;
import java.util.Properties;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The OceanBase views as a real SQL database: an in-memory H2 (MySQL mode) whose base tables
 * hold the cluster state and whose views in schema OCEANBASE are what clients query. Each tenant
 * signs in to H2 as its own user ({@code T1002}); DBA_ views filter on that user and CDB_ views
 * are granted to sys only, so isolation is enforced by H2's own privileges, not by string checks.
 */
final class ViewStore implements AutoCloseable {

    static final String SCHEMA = "OCEANBASE";
    private static final String INTERNAL = "OB_INTERNAL";
    /** An empty schema a session sits in while no database is selected, so unqualified names fail. */
    static final String NO_DATABASE = "NO_DATABASE";

    private final String url;
    private final Connection admin;
    private final List<ViewTable> tables;
    private final List<String> sysViews = new ArrayList<>();
    private final List<String> tenantViews = new ArrayList<>();
    private long syncedRevision = -1;

    ViewStore(Cluster cluster) throws SQLException {
        this.url = "jdbc:h2:mem:obdemo-" + UUID.randomUUID();
        this.admin = connect(url + ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "OB_ADMIN");
        this.tables = ViewCatalog.tables(cluster);
        createSchema(cluster);
        admin.setAutoCommit(false);
    }

    private void createSchema(Cluster cluster) throws SQLException {
        try (Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE SCHEMA " + INTERNAL);
            ddl.execute("CREATE SCHEMA " + SCHEMA);
            ddl.execute("CREATE SCHEMA MYSQL");
            ddl.execute("CREATE SCHEMA " + NO_DATABASE);
            for (ViewTable table : tables) {
                ddl.execute("CREATE TABLE " + INTERNAL + "." + table.table() + " ("
                        + String.join(", ", table.columns().stream().map(ViewStore::quoteColumn).toList()) + ")");
                createViews(ddl, table);
            }
            for (Tenant tenant : cluster.tenants) {
                if (tenant.type == Tenant.Type.META) {
                    continue;
                }
                String user = h2User(tenant.id);
                ddl.execute("CREATE USER " + user + " PASSWORD ''");
                List<String> views = tenant.isUser() ? tenantViews : sysViews;
                for (String view : views) {
                    ddl.execute("GRANT SELECT ON " + SCHEMA + ".\"" + view + "\" TO " + user);
                }
            }
        }
    }

    private void createViews(Statement ddl, ViewTable table) throws SQLException {
        String base = INTERNAL + "." + table.table();
        // the session's H2 user is T<tenant id>: that is how a view knows which tenant asks
        String me = "CAST(SUBSTRING(CURRENT_USER, 2) AS BIGINT)";
        if (table.perTenant()) {
            String cdb = table.views().get(0);
            String dba = table.views().get(1);
            List<String> columns = table.columnNames().subList(1, table.columnNames().size());
            ddl.execute("CREATE VIEW " + SCHEMA + ".\"" + cdb + "\" AS SELECT * FROM " + base);
            ddl.execute("CREATE VIEW " + SCHEMA + ".\"" + dba + "\" AS SELECT "
                    + String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList())
                    + " FROM " + base + " WHERE \"TENANT_ID\" = " + me);
            sysViews.add(cdb);
            sysViews.add(dba);
            tenantViews.add(dba);
        } else if (table.sysOnly()) {
            String view = table.views().get(0);
            ddl.execute("CREATE VIEW " + SCHEMA + ".\"" + view + "\" AS SELECT * FROM " + base);
            sysViews.add(view);
        } else {
            String view = table.views().get(0);
            ddl.execute("CREATE VIEW " + SCHEMA + ".\"" + view + "\" AS SELECT * FROM " + base + " WHERE " + me
                    + " = 1 OR \"TENANT_ID\" = " + me + " OR \"TENANT_ID\" IS NULL");
            sysViews.add(view);
            tenantViews.add(view);
        }
    }

    private static String quoteColumn(String definition) {
        int space = definition.indexOf(' ');
        return "\"" + definition.substring(0, space) + "\"" + definition.substring(space);
    }

    static String h2User(long tenantId) {
        return "T" + tenantId;
    }

    /** The views a tenant's session may read, sorted, as SHOW TABLES lists them. */
    List<String> visibleViews(Tenant tenant) {
        List<String> views = new ArrayList<>(tenant.isUser() ? tenantViews : sysViews);
        Collections.sort(views);
        return views;
    }

    /** A connection for one client session, signed in as the tenant's H2 user. */
    Connection open(Tenant tenant) throws SQLException {
        ensureUser(tenant);
        Connection connection = connect(url, h2User(tenant.id));
        try (Statement setup = connection.createStatement()) {
            // MySQL column names that are H2 keywords
            setup.execute("SET NON_KEYWORDS VALUE, KEY, YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, USER");
            setup.execute("SET SCHEMA " + SCHEMA);
        }
        return connection;
    }

    /** A tenant that came after the views were made (a restored one) gets its H2 user and grants now. */
    private synchronized void ensureUser(Tenant tenant) throws SQLException {
        String user = h2User(tenant.id);
        try (Statement check = admin.createStatement();
                java.sql.ResultSet rs = check.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = '"
                        + user + "'")) {
            rs.next();
            if (rs.getInt(1) > 0) {
                return;
            }
        }
        try (Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE USER " + user + " PASSWORD ''");
            for (String view : tenant.isUser() ? tenantViews : sysViews) {
                ddl.execute("GRANT SELECT ON " + SCHEMA + ".\"" + view + "\" TO " + user);
            }
        }
        admin.commit();
    }

    /** Rewrites the base tables from the cluster state if it changed since the last time. */
    void sync(Cluster cluster) throws SQLException {
        synchronized (cluster) {
            if (cluster.revision == syncedRevision) {
                return;
            }
            try {
                for (ViewTable table : tables) {
                    rewrite(table, table.rows().apply(cluster));
                }
                admin.commit();
                syncedRevision = cluster.revision;
            } catch (SQLException | RuntimeException e) {
                admin.rollback();
                throw e;
            }
        }
    }

    private void rewrite(ViewTable table, List<Object[]> rows) throws SQLException {
        try (Statement delete = admin.createStatement()) {
            delete.execute("DELETE FROM " + INTERNAL + "." + table.table());
        }
        if (rows.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(table.columns().size(), "?"));
        try (PreparedStatement insert = admin.prepareStatement(
                "INSERT INTO " + INTERNAL + "." + table.table() + " VALUES (" + marks + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void close() {
        try (Statement shutdown = admin.createStatement()) {
            shutdown.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already gone: nothing to release
        }
    }

    /**
     * Opens an H2 connection through H2's own driver, not DriverManager: inside Quarkus (tests,
     * dev mode) the driver registry may belong to another class loader and not see H2.
     */
    private static Connection connect(String url, String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", "");
        return new org.h2.Driver().connect(url, properties);
    }
}
