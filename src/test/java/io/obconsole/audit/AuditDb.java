package io.obconsole.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC into the audit database, as an administrator (or another console instance) would go. */
public final class AuditDb {

    static final List<String> TABLES = List.of("audit_record", "audit_record_tenant", "audit_job_start", "audit_chain_head");

    private AuditDb() {
    }

    static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** Every cell of every row of every audit table that contains the text. */
    public static List<String> cellsContaining(String text) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = connect()) {
            for (String table : TABLES) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            if (value != null && value.contains(text)) {
                                hits.add(table + "." + rs.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    static int count(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
