package io.obconsole.demo;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo cluster on its own so any MySQL client can be pointed at it:
 * {@code --port 2881 --password demo --time-scale 1 --host 127.0.0.1 --version 4.2.1.0 --state demo.json}
 * (or the system properties {@code demo.port}, {@code demo.password}, ...).
 */
public final class DemoClusterMain {

    private DemoClusterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DemoConfig.Builder builder = DemoConfig.builder()
                .host(option(args, "host", "127.0.0.1"))
                .port(Integer.parseInt(option(args, "port", "2881")))
                .version(option(args, "version", "4.2.1.0"))
                .edition(option(args, "edition", "CE"))
                .defaultPassword(option(args, "password", "demo"))
                .timeScale(Double.parseDouble(option(args, "time-scale", "1")));
        String state = option(args, "state", "");
        if (!state.isEmpty()) {
            builder.stateFile(java.nio.file.Path.of(state));
        }
        DemoCluster cluster = DemoCluster.start(builder.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }));
        System.out.println("OceanBase demo cluster " + cluster.config().version() + " (" + cluster.config().edition()
                + ") listening on " + cluster.host() + ":" + cluster.port());
        System.out.println("Accounts (password: the --password value, '" + cluster.config().defaultPassword() + "'):");
        for (String account : cluster.accounts()) {
            System.out.println("  " + account + (account.startsWith("viewer@") ? "   (read-only: no ALTER SYSTEM)" : ""));
        }
        System.out.println("Try: mariadb -h " + cluster.host() + " -P " + cluster.port()
                + " -u root@sys -p<password> oceanbase -e 'SELECT * FROM CDB_OB_BACKUP_JOBS'");
        stopped.await();
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
