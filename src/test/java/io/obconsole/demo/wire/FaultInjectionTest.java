package io.obconsole.demo.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults the demo injects (drop, refuse, slow) and behaviour under many connections. */
class FaultInjectionTest {

    private FakeCluster cluster;
    private MySqlServer server;

    @BeforeEach
    void start() throws Exception {
        cluster = new FakeCluster();
        server = new MySqlServer(cluster, new MySqlServer.Options("127.0.0.1", 0, FakeCluster.VERSION, 60));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Connection connect() throws SQLException {
        return JdbcClientTest.connect(server.port(), "root@sys", FakeCluster.PASSWORD, "?sslMode=DISABLED");
    }

    private static void selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void droppedConnectionsFailOnNextQueryAndCloseTheirSessions() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            selectOne(a);
            server.dropAllConnections();
            for (Connection c : List.of(a, b)) {
                assertThatThrownBy(() -> selectOne(c))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("Communications link failure");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 0 && cluster.closedSessions() == 2);
            assertThat(cluster.sessions).allSatisfy(s -> assertThat(s.closeCalls.get()).isEqualTo(1));
        }
        try (Connection c = connect()) {
            selectOne(c);
        }
    }

    @Test
    void refusedPortFailsConnectsAndAcceptsAgainOnTheSamePort() throws Exception {
        int port = server.port();
        try (Connection survivor = connect()) {
            server.refuseConnections(true);
            assertThatThrownBy(this::connect)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Communications link failure")
                    .hasRootCauseInstanceOf(ConnectException.class);
            // Refusing new connections does not cut the open ones.
            selectOne(survivor);
            server.refuseConnections(false);
            assertThat(server.port()).isEqualTo(port);
            try (Connection c = connect()) {
                selectOne(c);
            }
            server.refuseConnections(true);
            server.refuseConnections(true);
            server.refuseConnections(false);
            try (Connection c = connect()) {
                selectOne(c);
            }
        }
    }

    @Test
    void queryDelayHoldsTheAnswerButNotOtherConnections() throws Exception {
        try (Connection slow = connect(); Connection other = connect()) {
            server.setQueryDelay(Duration.ofMillis(400));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                long start = System.nanoTime();
                Future<?> slowQuery = pool.submit(() -> {
                    selectOne(slow);
                    return null;
                });
                // While one answer is held back, the server keeps serving pings on another link.
                assertThat(other.isValid(2)).isTrue();
                slowQuery.get(5, TimeUnit.SECONDS);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            } finally {
                pool.shutdownNow();
            }
            server.setQueryDelay(Duration.ZERO);
            long start = System.nanoTime();
            selectOne(slow);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        }
    }

    @Test
    void droppingDuringADelayedQueryEndsItPromptly() throws Exception {
        try (Connection c = connect()) {
            server.setQueryDelay(Duration.ofSeconds(30));
            CountDownLatch sent = new CountDownLatch(1);
            server.addStatementListener((account, sql) -> sent.countDown());
            long start = System.nanoTime();
            Thread dropper = new Thread(() -> {
                try {
                    sent.await();
                } catch (InterruptedException e) {
                    return;
                }
                server.dropAllConnections();
            });
            dropper.start();
            assertThatThrownBy(() -> selectOne(c)).isInstanceOf(SQLException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> cluster.closedSessions() == 1);
        }
    }

    @Test
    void statementListenerSeesRawTextsWithAccount() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.addStatementListener((account, sql) -> seen.add(account + " " + sql));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("SET ENCRYPTION ON IDENTIFIED BY 'secret' ONLY");
            assertThatThrownBy(() -> s.execute("ALTER SYSTEM BACKUP DATABASE")).isInstanceOf(SQLException.class);
        }
        assertThat(seen).contains("root@sys SET ENCRYPTION ON IDENTIFIED BY 'secret' ONLY",
                "root@sys ALTER SYSTEM BACKUP DATABASE");
    }

    @Test
    void manyConcurrentConnections() throws Exception {
        int clients = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch allConnected = new CountDownLatch(clients);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    try (Connection c = connect()) {
                        allConnected.countDown();
                        // All 50 are open at once before anyone queries.
                        assertThat(allConnected.await(20, TimeUnit.SECONDS)).isTrue();
                        int rows = 0;
                        for (int q = 0; q < 5; q++) {
                            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT many")) {
                                while (rs.next()) {
                                    rows++;
                                }
                            }
                        }
                        return rows;
                    }
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(5000);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 0 && cluster.closedSessions() == clients);
    }

    @Test
    void tooManyConnectionsIsError1040() throws Exception {
        try (MySqlServer small = new MySqlServer(cluster, new MySqlServer.Options(null, 0, FakeCluster.VERSION, 2))) {
            small.start();
            try (Connection a = JdbcClientTest.connect(small.port(), "root@sys", FakeCluster.PASSWORD, "?sslMode=DISABLED");
                    Connection b = JdbcClientTest.connect(small.port(), "root@sys", FakeCluster.PASSWORD, "?sslMode=DISABLED")) {
                assertThatThrownBy(() -> JdbcClientTest.connect(small.port(), "root@sys", FakeCluster.PASSWORD, "?sslMode=DISABLED"))
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getErrorCode()).isEqualTo(1040);
                            assertThat(e.getMessage()).contains("Too many connections");
                        });
                selectOne(a);
                selectOne(b);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> small.openConnections() == 0);
            try (Connection c = JdbcClientTest.connect(small.port(), "root@sys", FakeCluster.PASSWORD, "?sslMode=DISABLED")) {
                selectOne(c);
            }
        }
    }
}
