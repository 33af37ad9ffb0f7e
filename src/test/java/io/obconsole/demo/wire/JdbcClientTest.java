package io.obconsole.demo.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the console's driver (mysql-connector-j) sees from the demo cluster's wire protocol. */
class JdbcClientTest {

    private FakeCluster cluster;
    private MySqlServer server;

    @BeforeEach
    void start() throws Exception {
        cluster = new FakeCluster();
        server = new MySqlServer(cluster, new MySqlServer.Options("127.0.0.1", 0, FakeCluster.VERSION, 0));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Connection connect(int port, String user, String password, String extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5000");
        p.setProperty("socketTimeout", "10000");
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + extra, p);
    }

    private Connection connect() throws SQLException {
        return connect(server.port(), "root@sys", FakeCluster.PASSWORD, "?sslMode=DISABLED");
    }

    @Test
    void selectOneAndServerVersion() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseProductVersion()).isEqualTo(FakeCluster.VERSION);
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1L);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void typesValuesAndMetadata() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT types")) {
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getColumnCount()).isEqualTo(9);
            assertThat(md.getColumnLabel(1)).isEqualTo("id");
            assertThat(md.getColumnLabel(7)).isEqualTo("created");
            assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
            assertThat(md.getColumnType(2)).isEqualTo(Types.INTEGER);
            assertThat(md.getColumnType(3)).isEqualTo(Types.DECIMAL);
            assertThat(md.getColumnType(4)).isEqualTo(Types.DOUBLE);
            assertThat(md.getColumnType(5)).isEqualTo(Types.VARCHAR);
            assertThat(md.getColumnType(6)).isEqualTo(Types.LONGVARCHAR);
            assertThat(md.getColumnType(7)).isEqualTo(Types.TIMESTAMP);
            assertThat(md.getColumnType(8)).isEqualTo(Types.TIMESTAMP);
            assertThat(md.getScale(3)).isEqualTo(3);

            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("id")).isEqualTo(42L);
            assertThat(rs.getInt("n")).isEqualTo(7);
            assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("12345.678");
            assertThat(rs.getDouble("ratio")).isEqualTo(0.25);
            assertThat(rs.getString("name")).isEqualTo("héllo ✓");
            assertThat(rs.getString("note")).isEqualTo("a long text");
            assertThat(rs.getTimestamp("created").toLocalDateTime()).isEqualTo(FakeCluster.CREATED);
            assertThat(rs.getObject("created", LocalDateTime.class)).isEqualTo(FakeCluster.CREATED);
            assertThat(rs.getString("created")).isEqualTo("2024-01-02 03:04:05.123456");
            assertThat(rs.getTimestamp("ended").toLocalDateTime()).isEqualTo(FakeCluster.ENDED);
            assertThat(rs.getString("ended")).isEqualTo("2024-01-02 04:00:00");
            assertThat(rs.getString("nothing")).isNull();
            assertThat(rs.wasNull()).isTrue();

            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("id")).isEqualTo(-1L);
            assertThat(rs.getObject("n")).isNull();
            assertThat(rs.getBigDecimal("amount")).isEqualTo(new BigDecimal("0.500"));
            assertThat(rs.getDouble("ratio")).isEqualTo(1e10);
            assertThat(rs.getString("name")).isEmpty();
            assertThat(rs.getTimestamp("created")).isNull();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void manyRows() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT many")) {
            long expected = 0;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(expected++);
            }
            assertThat(expected).isEqualTo(1000);
        }
    }

    @Test
    void sqlErrorArrivesWithCodeStateAndMessage() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("ALTER SYSTEM BACKUP DATABASE"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(9040);
                        assertThat(e.getSQLState()).isEqualTo("HY000");
                        assertThat(e.getMessage()).isEqualTo("backup can not start");
                    });
            // The connection survives an error.
            assertThat(c.isValid(2)).isTrue();
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void engineBugBecomesInternalErrorAndConnectionSurvives() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("BOOM"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(4016);
                        assertThat(e.getSQLState()).isEqualTo("HY000");
                        assertThat(e.getMessage()).isEqualTo("Internal error");
                    });
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void updateCountAndPing() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("ALTER SYSTEM CANCEL BACKUP")).isEqualTo(3);
            assertThat(s.executeUpdate("SET ENCRYPTION ON IDENTIFIED BY 'x' ONLY")).isZero();
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void wrongPasswordIsAccessDenied() {
        assertThatThrownBy(() -> connect(server.port(), "root@sys", "wrong", "?sslMode=DISABLED"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getSQLState()).isEqualTo("28000");
                    assertThat(e.getMessage())
                            .isEqualTo("Access denied for user 'root'@'127.0.0.1' (using password: YES)");
                });
        assertThatThrownBy(() -> connect(server.port(), "nobody@sys", "", "?sslMode=DISABLED"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getMessage())
                            .isEqualTo("Access denied for user 'nobody'@'127.0.0.1' (using password: NO)");
                });
        assertThatThrownBy(() -> connect(server.port(), "root@sys", "", "?sslMode=DISABLED"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).endsWith("(using password: NO)"));
        assertThat(cluster.opened.get()).isZero();
    }

    @Test
    void otherAccountsAndEmptyPassword() throws Exception {
        try (Connection c = connect(server.port(), "root@mysql_tenant", "tenant secret ✓", "?sslMode=DISABLED")) {
            assertThat(c.isValid(2)).isTrue();
        }
        try (Connection c = connect(server.port(), "root@sys#demo", FakeCluster.PASSWORD, "?sslMode=DISABLED")) {
            assertThat(c.isValid(2)).isTrue();
        }
        try (Connection c = connect(server.port(), "nopass@sys", "", "?sslMode=DISABLED")) {
            assertThat(c.isValid(2)).isTrue();
        }
        assertThatThrownBy(() -> connect(server.port(), "nopass@sys", "something", "?sslMode=DISABLED"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1045));
        assertThat(cluster.sessions).extracting(s -> s.account.toString())
                .containsExactly("root@mysql_tenant", "root@sys", "nopass@sys");
    }

    @Test
    void sslPreferredFallsBackToPlainText() throws Exception {
        try (Connection c = connect(server.port(), "root@sys", FakeCluster.PASSWORD, "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        try (Connection c = connect(server.port(), "root@sys", FakeCluster.PASSWORD, "?sslMode=PREFERRED")) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void schemaFromUrlAndUnknownSchema() throws Exception {
        try (Connection c = connect(server.port(), "root@sys", FakeCluster.PASSWORD, "oceanbase?sslMode=DISABLED")) {
            assertThat(cluster.sessions.get(0).schema).isEqualTo("oceanbase");
            c.setCatalog("other");
            assertThat(cluster.sessions.get(0).schema).isEqualTo("other");
            assertThatThrownBy(() -> c.setCatalog("nosuchdb"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1049));
        }
        assertThatThrownBy(() -> connect(server.port(), "root@sys", FakeCluster.PASSWORD, "nosuchdb?sslMode=DISABLED"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1049);
                    assertThat(e.getMessage()).isEqualTo("Unknown database 'nosuchdb'");
                });
    }

    @Test
    void classicEofPacketsWhenDeprecateEofIsNotOffered() throws Exception {
        server.offerDeprecateEof(false);
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT types")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("name")).isEqualTo("héllo ✓");
            assertThat(rs.next()).isTrue();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void sessionIsClosedExactlyOnceOnDisconnect() throws Exception {
        try (Connection c = connect()) {
            assertThat(c.isValid(2)).isTrue();
            assertThat(server.openConnections()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> cluster.closedSessions() == 1 && server.openConnections() == 0);
        Connection abandoned = connect();
        abandoned.createStatement().executeQuery("SELECT 1").close();
        server.close();
        assertThat(cluster.sessions).hasSize(2).allSatisfy(s -> assertThat(s.closeCalls.get()).isEqualTo(1));
        abandoned.close();
    }
}
