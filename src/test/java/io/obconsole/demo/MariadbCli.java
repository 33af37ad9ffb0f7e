package io.obconsole.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real mariadb CLI signed in to a demo cluster as {@code root@sys}, as an operator at a terminal. */
final class MariadbCli {

    private static final Path MARIADB = Path.of("/usr/bin/mariadb");

    /** What one run printed and how it ended. */
    record Run(int exit, String out, String err) {
    }

    private MariadbCli() {
    }

    /** Fails (not skips) when the CLI is missing: these tests are the proof that a real client works. */
    static void requireInstalled() {
        if (!Files.isExecutable(MARIADB)) {
            throw new IllegalStateException("this test needs the mariadb CLI at " + MARIADB
                    + " (apt-get install mariadb-client)");
        }
    }

    static Run run(DemoCluster cluster, String sql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(MARIADB.toString(), "--protocol=TCP", "-h", "127.0.0.1",
                "-P", String.valueOf(cluster.port()), "-u", "root@sys", "-p" + cluster.config().passwordOf("root@sys"),
                "--skip-ssl", "oceanbase", "-e", sql).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mariadb did not finish");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
