package io.obconsole.progress;

import io.obconsole.testing.Demo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Starts and finishes backups directly on the test's demo cluster, as root@sys would from a SQL client. */
final class DemoBackups {

    private DemoBackups() {
    }

    static void run(String sql) {
        Properties properties = new Properties();
        properties.setProperty("user", "root@sys");
        properties.setProperty("password", "demo");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + Demo.cluster().port() + "/oceanbase", properties);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Lets every running job of the demo cluster end (a full backup takes 60 s of demo time). */
    static void finishAll() {
        Demo.clock().advanceSeconds(300);
    }
}
