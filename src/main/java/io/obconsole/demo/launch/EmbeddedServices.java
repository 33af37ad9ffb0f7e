package io.obconsole.demo.launch;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.DemoConfig;
import io.obconsole.demo.DemoFleet;
import io.obconsole.demo.DemoLatency;
import io.obconsole.demo.ManualClock;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What a first run and the tests need, brought up before anything of the console runs: the audit
 * database, the demo fleet and Keycloak; stopped when the JVM ends. {@link EmbeddedServicesStarter}
 * starts them while Quarkus builds the runtime configuration, the moment Quarkus's own Dev Services
 * use too: before the datasource connects, so Flyway's migrate-at-start finds the database up. In
 * production nothing of this package exists (the build leaves it out, see the pom).
 */
public final class EmbeddedServices {

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class);
    private static EmbeddedServices running;

    private final EmbeddedConfig config;
    private EmbeddedAuditDatabase auditDatabase;
    private EmbeddedKeycloak keycloak;
    private DemoFleet demoFleet;
    private ManualClock manualClock;

    private EmbeddedServices(EmbeddedConfig config) {
        this.config = config;
    }

    /** Starts the services once per JVM; dev mode's live reloads find them running and leave them be. */
    static synchronized void startOnce(EmbeddedConfig config) {
        if (running != null) {
            return;
        }
        if (listening(config.auditDb().port()) && LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            // a live reload in dev mode loads this class anew: the services of the first start still run
            LOG.info("Embedded services already running (dev mode reload)");
            return;
        }
        EmbeddedServices services = new EmbeddedServices(config);
        Runtime.getRuntime().addShutdownHook(new Thread(services::stopAll, "embedded-services-stop"));
        services.startAll();
        running = services;
    }

    /** The services this JVM started (tests drive faults and time through them). */
    public static synchronized EmbeddedServices running() {
        if (running == null) {
            throw new IllegalStateException("the embedded services are not running in this JVM");
        }
        return running;
    }

    private void startAll() {
        auditDatabase = new EmbeddedAuditDatabase(config.auditDb());
        auditDatabase.start();
        if (config.demo().fresh()) {
            DemoFleet.MEMBERS.forEach(this::deleteDemoState);
        }
        List<DemoFleet.Member> members = config.demo().fleet().generated().members(config.demo().port());
        demoFleet = DemoFleet.start(members, this::memberConfig);
        for (DemoFleet.Member member : members) {
            if (member.generated()) {
                continue;
            }
            LOG.infof("Demo OceanBase cluster %s (%s) listening on 127.0.0.1:%d; the console signs in as %s / %s",
                    member.name(), member.version(), demoFleet.cluster(member.name()).port(), member.account(),
                    config.demo().password());
        }
        if (members.size() > DemoFleet.MEMBERS.size()) {
            LOG.infof("Generated demo fleet: %d clusters fleet-001 ... on 127.0.0.1:%d ..., %d user tenants each",
                    members.size() - DemoFleet.MEMBERS.size(), config.demo().fleet().port(), config.demo().fleet().tenants());
        }
        keycloak = new EmbeddedKeycloak(config.keycloak());
        keycloak.start();
    }

    private synchronized void stopAll() {
        if (keycloak != null) {
            keycloak.stop();
            keycloak = null;
        }
        if (demoFleet != null) {
            demoFleet.close();
            demoFleet = null;
        }
        if (auditDatabase != null) {
            auditDatabase.stop();
            auditDatabase = null;
        }
    }

    /**
     * Stops the services with the application in the tests: a test profile restarts the console
     * (in a class loader of its own), and that start brings them up again. Dev mode keeps them over
     * live reloads; the JVM's end stops them there.
     */
    @ApplicationScoped
    static class StopWithTheTestApplication {
        void stop(@Observes ShutdownEvent event) {
            if (LaunchMode.current() == LaunchMode.TEST) {
                synchronized (EmbeddedServices.class) {
                    if (running != null) {
                        running.stopAll();
                        running = null;
                    }
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
        DemoFleet.Member demo = DemoFleet.MEMBERS.get(0);
        demoFleet.restart(demo.name(), () -> {
            if (!keepState) {
                deleteDemoState(demo);
            }
        });
    }

    private void deleteDemoState(DemoFleet.Member member) {
        try {
            java.nio.file.Files.deleteIfExists(stateFile(member));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code .embedded/demo-cluster.json} for {@code demo}, {@code .embedded/demo-cluster-legacy.json} for the others. */
    private java.nio.file.Path stateFile(DemoFleet.Member member) {
        String file = config.demo().stateFile();
        if (member.portOffset() == 0) {
            return java.nio.file.Path.of(file);
        }
        int dot = file.lastIndexOf('.');
        return java.nio.file.Path.of(dot < 0 ? file + "-" + member.name() : file.substring(0, dot) + "-" + member.name()
                + file.substring(dot));
    }

    private DemoConfig memberConfig(DemoFleet.Member member) {
        DemoConfig.Builder builder = member.configure(config.demo().port())
                // a generated cluster starts from its scenario every time: nothing of it is worth keeping
                .stateFile(member.generated() ? null : stateFile(member))
                .defaultPassword(config.demo().password())
                .readOnlyAccount("viewer@mysql_tenant")
                .fullBackupDuration(config.demo().fullBackupDuration())
                .latency(DemoLatency.named(config.demo().latency()));
        if ("manual".equals(config.demo().clock())) {
            manualClock = manualClock != null ? manualClock : ManualClock.startingAtDemoEpoch();
            builder.clock(manualClock);
        }
        return builder.build();
    }

    /** The fleet's {@code demo} cluster (4.2.1, sys mode): tests drive its faults through it. */
    public DemoCluster demoCluster() {
        return demoFleet.cluster("demo");
    }

    /** Every cluster of the demo fleet. */
    public DemoFleet demoFleet() {
        return demoFleet;
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
