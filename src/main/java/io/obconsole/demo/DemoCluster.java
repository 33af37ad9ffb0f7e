package io.obconsole.demo;

import io.obconsole.demo.engine.Engine;
import io.obconsole.demo.engine.SharedStorage;
import io.obconsole.demo.sql.SessionFactory;
import io.obconsole.demo.wire.MySqlServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An OceanBase 4.x cluster as the console sees it over the MySQL protocol, in-process: the
 * engine's backup behaviour behind a real wire-protocol server. What the demo and the tests start.
 */
public final class DemoCluster implements AutoCloseable {

    private final DemoConfig config;
    private final Engine engine;
    private final MySqlServer server;
    private final DemoControl control;

    private DemoCluster(DemoConfig config, Engine engine, MySqlServer server) {
        this.config = config;
        this.engine = engine;
        this.server = server;
        this.control = new DemoControl(engine, server);
    }

    /** Starts the engine and a MySQL server on the configured host and port (0 = any free port). */
    public static DemoCluster start(DemoConfig config) {
        return start(config, new SharedStorage());
    }

    /** Starts a cluster of a fleet, reading and writing the fleet's backup storage. */
    public static DemoCluster start(DemoConfig config, SharedStorage storage) {
        Engine engine = new Engine(config, storage);
        String serverVersion = "5.7.25-" + (config.edition().equalsIgnoreCase("CE") ? "OceanBase_CE" : "OceanBase")
                + "-v" + config.version();
        MySqlServer server = new MySqlServer(engine,
                new MySqlServer.Options(config.host(), config.port(), serverVersion, config.maxConnections()));
        // like an OceanBase observer with TLS configured: clients choose (sslMode, mariadb --ssl)
        server.offerTls(DemoTls.forDemo().serverContext());
        try {
            server.start();
        } catch (IOException e) {
            engine.close();
            throw new UncheckedIOException("demo cluster cannot listen on " + config.host() + ":" + config.port(), e);
        }
        return new DemoCluster(config, engine, server);
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return config.host();
    }

    /** A JDBC URL for this cluster (pass user and password as properties: the user holds '@'). */
    public String jdbcUrl() {
        return "jdbc:mysql://" + config.host() + ":" + port() + "/oceanbase";
    }

    /** The certificate clients verify the demo cluster with (PEM). */
    public java.nio.file.Path caFile() {
        return DemoTls.forDemo().caFile();
    }

    public DemoControl control() {
        return control;
    }

    public DemoConfig config() {
        return config;
    }

    /** The accounts that may sign in, as {@code user@tenant}. */
    public List<String> accounts() {
        return engine.accounts();
    }

    /** The engine as the wire layer sees it; for in-process tests that skip the network. */
    public SessionFactory sessions() {
        return engine;
    }

    @Override
    public void close() {
        control.close();
        try {
            server.close();
        } finally {
            engine.close();
        }
    }
}
