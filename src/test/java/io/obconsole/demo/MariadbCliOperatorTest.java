package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator at the real mariadb CLI: signs in to sys, starts a backup, reads the jobs, meets 9040. */
class MariadbCliOperatorTest {

    private static final Path MARIADB = Path.of("/usr/bin/mariadb");

    private ManualClock clock;
    private DemoCluster cluster;

    @BeforeEach
    void start() {
        if (!Files.isExecutable(MARIADB)) {
            throw new IllegalStateException("this test needs the mariadb CLI at " + MARIADB
                    + " (apt-get install mariadb-client)");
        }
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).build());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run mariadb(String sql) throws IOException, InterruptedException {
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

    @Test
    void operatorStartsBackupAndReadsTheJobs() throws Exception {
        Run backup = mariadb("ALTER SYSTEM BACKUP TENANT = mysql_tenant;");
        assertThat(backup.exit()).as(backup.err()).isZero();
        clock.advance(Duration.ofSeconds(10));
        Run jobs = mariadb("SELECT TENANT_ID, JOB_LEVEL, STATUS FROM CDB_OB_BACKUP_JOBS ORDER BY TENANT_ID");
        assertThat(jobs.exit()).as(jobs.err()).isZero();
        assertThat(List.of(jobs.out().split("\n"))).containsExactly("TENANT_ID\tJOB_LEVEL\tSTATUS",
                "1\tCLUSTER\tDOING", "1002\tUSER_TENANT\tDOING");
    }

    @Test
    void operatorSees9040ForAnalytics() throws Exception {
        Run refused = mariadb("ALTER SYSTEM BACKUP TENANT = analytics");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains(
                "ERROR 9040 (HY000)", "backup can not start, because log archive status is not doing.");
    }
}
