package io.obconsole.demo.launch;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.DemoConfig;
import io.obconsole.demo.ManualClock;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Brings up, before anything else of the console runs, what a first run and the tests need:
 * the audit database (then its schema), the demo cluster and Keycloak; and stops them with the
 * console. In production ({@code console.embedded.enabled=false}) it does nothing.
 */
@ApplicationScoped
public class EmbeddedServices {

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class);

    private final EmbeddedConfig config;
    private final Instance<Flyway> flyway;
    private EmbeddedAuditDatabase auditDatabase;
    private EmbeddedKeycloak keycloak;
    private DemoCluster demoCluster;
    private ManualClock manualClock;

    EmbeddedServices(EmbeddedConfig config, Instance<Flyway> flyway) {
        this.config = config;
        this.flyway = flyway;
    }

    // before the clustered Quartz scheduler starts (PLATFORM_BEFORE): it reads its tables in the audit database
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        boolean devRestart = LaunchMode.current() == LaunchMode.DEVELOPMENT && listening(config.auditDb().port());
        if (devRestart) {
            // a live reload in dev mode: the services of the first start are still running
            LOG.info("Embedded services already running (dev mode reload)");
            migrate();
            return;
        }
        auditDatabase = new EmbeddedAuditDatabase(config.auditDb());
        auditDatabase.start();
        migrate();
        if (config.demo().fresh()) {
            deleteDemoState();
        }
        demoCluster = DemoCluster.start(demoConfig());
        LOG.infof("Demo OceanBase cluster listening on 127.0.0.1:%d (root@sys / %s)", demoCluster.port(),
                config.demo().password());
        keycloak = new EmbeddedKeycloak(config.keycloak());
        keycloak.start();
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            // dev mode restarts the application on every code change; the processes belong to the JVM
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "embedded-services-stop"));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            stopAll();
        }
    }

    private synchronized void stopAll() {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (demoCluster != null) {
            demoCluster.close();
        }
        if (auditDatabase != null) {
            auditDatabase.stop();
        }
    }

    /**
     * Creates or updates the audit schema. The pool may still be backing off from connection
     * attempts made while MariaDB was starting, so a failed first try is retried for a while.
     */
    private void migrate() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                flyway.get().migrate();
                return;
            } catch (org.flywaydb.core.api.FlywayException e) {
                boolean connecting = String.valueOf(e.getMessage()).contains("Unable to obtain connection");
                if (!connecting || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.infof("Audit database not answering yet (%s); retrying", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Stops the demo cluster and starts it again on the same port and clock: with its saved state
     * (as an observer restarts), or without it (a recreated cluster that numbers its jobs from the
     * start again). Connections to the old one break, as they would.
     */
    public synchronized void restartDemoCluster(boolean keepState) {
        demoCluster.close();
        if (!keepState) {
            deleteDemoState();
        }
        demoCluster = DemoCluster.start(demoConfig());
    }

    private void deleteDemoState() {
        try {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(config.demo().stateFile()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private DemoConfig demoConfig() {
        DemoConfig.Builder builder = DemoConfig.builder()
                .port(config.demo().port())
                .stateFile(java.nio.file.Path.of(config.demo().stateFile()))
                .defaultPassword(config.demo().password())
                .readOnlyAccount("viewer@mysql_tenant")
                .fullBackupDuration(config.demo().fullBackupDuration());
        if ("manual".equals(config.demo().clock())) {
            manualClock = manualClock != null ? manualClock : ManualClock.startingAtDemoEpoch();
            builder.clock(manualClock);
        }
        return builder.build();
    }

    /** The running demo cluster (tests drive its faults through it). */
    public DemoCluster demoCluster() {
        return demoCluster;
    }

    /** The demo cluster's clock when it is manual (the test profile), else empty. */
    public Optional<ManualClock> manualClock() {
        return Optional.ofNullable(manualClock);
    }

    /** The embedded audit database (tests take it down and bring it back). */
    public EmbeddedAuditDatabase auditDatabase() {
        return auditDatabase;
    }

    public EmbeddedKeycloak keycloak() {
        return keycloak;
    }
}
