package io.obconsole.policy;

import io.obconsole.access.Permissions;
import io.obconsole.audit.AuditTrail;
import io.obconsole.backup.BackupService;
import io.obconsole.backup.Preflight;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterPools;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

/**
 * A second console instance inside the test JVM, sharing only what two real instances share:
 * the console database and the cluster. It has its own Quartz scheduler (clustered, its own
 * instance id, thread pool and database connections), its own connection pools to the cluster and
 * its own backup service (own replay cache and cluster lock).
 */
final class SecondConsole implements AutoCloseable {

    private Scheduler consoleScheduler;

    final ClusterGateway gateway;
    final BackupService backups;
    final PolicyRunner runner;
    final AtomicInteger started = new AtomicInteger();
    private Scheduler quartz;

    SecondConsole(ClusterGateway firstGateway, AuditTrail audit, Permissions permissions, PolicyRuns runs,
            NamedSecrets secrets, PolicyConfig config) {
        gateway = new ClusterGateway(new ClusterPools(List.of(firstGateway.settings("demo"))));
        backups = new BackupService(gateway, audit, permissions, new Preflight(audit), changed -> {
        });
        runner = new PolicyRunner(runs, backups, secrets, config, recorded -> {
            if (recorded.outcome() == PolicyRunOutcome.STARTED) {
                started.incrementAndGet();
            }
        }, Clock.systemUTC());
    }

    /** Starts this instance's clustered Quartz on the shared tables, firing into this instance's runner. */
    void startScheduler() throws SchedulerException {
        Config config = ConfigProvider.getConfig();
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName",
                config.getOptionalValue("quarkus.quartz.instance-name", String.class).orElse("QuarkusQuartzScheduler"));
        p.put("org.quartz.scheduler.instanceId", "second-console");
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.threadPool.threadCount", "2");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.useProperties", "true");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.put("org.quartz.jobStore.misfireThreshold", "1000");
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.put("org.quartz.jobStore.dataSource", "console");
        p.put("org.quartz.dataSource.console.connectionProvider.class", OwnConnections.class.getName());
        // Quartz keeps one scheduler per name in a JVM-wide repository, and a factory hands out the one
        // it finds there: without stepping aside, this "second instance" would be the console's own
        // scheduler (and closing it would shut the console's down). Clustered instances must share the
        // name, so the console's entry steps aside while the second one is made, and comes back after.
        SchedulerRepository repository = SchedulerRepository.getInstance();
        String name = p.getProperty("org.quartz.scheduler.instanceName");
        Scheduler first = repository.lookup(name);
        repository.remove(name);
        try {
            quartz = new StdSchedulerFactory(p).getScheduler();
        } finally {
            restore(repository, name, first);
        }
        consoleScheduler = first;
        quartz.setJobFactory((bundle, scheduler) -> new PolicyFireJob(runner));
        quartz.start();
    }

    private static void restore(SchedulerRepository repository, String name, Scheduler first) throws SchedulerException {
        repository.remove(name);
        if (first != null) {
            repository.bind(first);
        }
    }

    @Override
    public void close() throws Exception {
        if (quartz != null) {
            String name = quartz.getSchedulerName();
            quartz.shutdown(true);
            // shutting down removes the name from the repository, the console's own entry with it
            restore(SchedulerRepository.getInstance(), name, consoleScheduler);
        }
        gateway.close();
    }

    /** Fresh connections to the console database for the second instance's Quartz, not the first one's pool. */
    public static final class OwnConnections implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            Config config = ConfigProvider.getConfig();
            return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
