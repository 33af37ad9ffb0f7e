package io.obconsole.demo;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo cluster on its own so any MySQL client can be pointed at it:
 * {@code --port 2881 --password demo --time-scale 1 --host 127.0.0.1 --version 4.2.1.0 --state demo.json
 * --scenario DEMO|LEGACY|SELF_SERVICE --latency none|realistic}, or {@code --fleet} for the whole
 * demo fleet on the port and the two after it (or the system properties {@code demo.port}, ...).
 */
public final class DemoClusterMain {

    private DemoClusterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(option(args, "port", "2881"));
        String password = option(args, "password", "demo");
        DemoLatency latency = DemoLatency.named(option(args, "latency", "none"));
        double timeScale = Double.parseDouble(option(args, "time-scale", "1"));
        String state = option(args, "state", "");
        List<DemoCluster> clusters;
        AutoCloseable running;
        if (flag(args, "fleet")) {
            DemoFleet fleet = DemoFleet.start(member -> member.configure(port).defaultPassword(password)
                    .timeScale(timeScale).latency(latency)
                    .stateFile(state.isEmpty() ? null : java.nio.file.Path.of(member.name() + "-" + state)).build());
            clusters = fleet.clusters();
            running = fleet;
        } else {
            DemoCluster cluster = DemoCluster.start(DemoConfig.builder()
                    .host(option(args, "host", "127.0.0.1"))
                    .port(port)
                    .version(option(args, "version", "4.2.1.0"))
                    .edition(option(args, "edition", "CE"))
                    .scenario(DemoConfig.Scenario.valueOf(option(args, "scenario", "DEMO").toUpperCase(Locale.ROOT)))
                    .defaultPassword(password)
                    .timeScale(timeScale)
                    .latency(latency)
                    .stateFile(state.isEmpty() ? null : java.nio.file.Path.of(state))
                    .build());
            clusters = List.of(cluster);
            running = cluster;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                // stopping anyway
            }
            stopped.countDown();
        }));
        for (DemoCluster cluster : clusters) {
            System.out.println("OceanBase demo cluster " + cluster.config().version() + " (" + cluster.config().edition()
                    + ", " + cluster.config().scenario() + ", latency " + (latency.none() ? "none" : "realistic")
                    + ") listening on " + cluster.host() + ":" + cluster.port());
            System.out.println("Accounts (password: the --password value, '" + cluster.config().defaultPassword() + "'):");
            for (String account : cluster.accounts()) {
                System.out.println("  " + account + (account.startsWith("viewer@") ? "   (read-only: no ALTER SYSTEM)" : ""));
            }
        }
        System.out.println("Try: mariadb -h 127.0.0.1 -P " + port
                + " -u root@sys -p<password> --skip-ssl oceanbase -e 'SELECT * FROM CDB_OB_BACKUP_JOBS'");
        stopped.await();
    }

    private static boolean flag(String[] args, String name) {
        return List.of(args).contains("--" + name) || Boolean.getBoolean("demo." + name);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--" + name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--" + name + "=")) {
                return args[i].substring(name.length() + 3);
            }
        }
        return System.getProperty("demo." + name, fallback);
    }
}
