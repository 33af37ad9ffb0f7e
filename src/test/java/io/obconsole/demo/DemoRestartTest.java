package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted demo cluster continues as an observer does: its job history, backup sets and job
 * numbering survive, and a job that was running goes on; without its state it starts over.
 */
class DemoRestartTest {

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtDemoEpoch();

    private DemoCluster start(Path state) {
        return DemoCluster.start(DemoConfig.builder().port(0).clock(clock).fullBackupDuration(Duration.ofSeconds(60))
                .stateFile(state).build());
    }

    private static long newestJobId(Connection sys) throws SQLException {
        List<Map<String, Object>> rows = DemoSql.rows(sys, "SELECT JOB_ID FROM oceanbase.CDB_OB_BACKUP_JOBS"
                + " WHERE TENANT_ID = 1002 UNION SELECT JOB_ID FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY"
                + " WHERE TENANT_ID = 1002");
        return rows.stream().mapToLong(row -> Long.parseLong(String.valueOf(row.get("JOB_ID")))).max().orElseThrow();
    }

    @Test
    void jobNumberingHistoryAndARunningJobSurviveARestart() throws SQLException {
        Path state = dir.resolve("demo.json");
        long running;
        try (DemoCluster cluster = start(state); Connection sys = DemoSql.connect(cluster, "root@sys")) {
            DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            running = newestJobId(sys);
            clock.advanceSeconds(10);
            assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1002")).isEqualTo("DOING");
        }
        try (DemoCluster cluster = start(state); Connection sys = DemoSql.connect(cluster, "root@sys")) {
            // the seeded nightly full backup and the job that ran over the restart are both there
            assertThat(DemoSql.one(sys, "SELECT COUNT(*) FROM CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = 1002"))
                    .isEqualTo("1");
            assertThat(DemoSql.one(sys, "SELECT JOB_ID FROM CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1002"))
                    .isEqualTo(Long.toString(running));
            clock.advanceSeconds(120);
            assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = 1002 AND JOB_ID = "
                    + running)).isEqualTo("COMPLETED");
            DemoSql.exec(sys, "ALTER SYSTEM BACKUP INCREMENTAL TENANT = mysql_tenant");
            assertThat(newestJobId(sys)).isEqualTo(running + 1);
            assertThat(DemoSql.one(sys, "SELECT COUNT(*) FROM CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1002"))
                    .isEqualTo("2");
            DemoSql.exec(sys, "ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
            clock.advanceSeconds(5);
        }
    }

    @Test
    void aClusterWithoutItsStateNumbersItsJobsFromTheStartAgain() throws SQLException {
        long first;
        try (DemoCluster cluster = start(dir.resolve("one.json")); Connection sys = DemoSql.connect(cluster, "root@sys")) {
            DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            first = newestJobId(sys);
            DemoSql.exec(sys, "ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        }
        try (DemoCluster cluster = start(dir.resolve("recreated.json")); Connection sys = DemoSql.connect(cluster, "root@sys")) {
            DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            assertThat(newestJobId(sys)).isEqualTo(first);
            DemoSql.exec(sys, "ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        }
    }
}
