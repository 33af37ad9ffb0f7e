package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A restore's data phase follows its backup's size (mysql_tenant's 48 GiB set against
 * oracle_tenant's 32 GiB), and the realistic latency profile, which reads from object storage
 * rather than local disks, restores the same backup more slowly than none.
 */
class RestoreDurationTest {

    private final ManualClock clock = ManualClock.startingAtDemoEpoch();

    private DemoCluster start(DemoLatency latency) {
        // 4.3.2: CDB_OB_RESTORE_PROGRESS has the tablet counts (4.2.1 has not)
        return DemoCluster.start(DemoConfig.builder().port(0).clock(clock).fullBackupDuration(Duration.ofSeconds(60))
                .version("4.3.2.0").latency(latency).build());
    }

    /** The demo seeds a full backup of mysql_tenant only: oracle_tenant gets one as an administrator takes it. */
    private void fullBackupOfOracleTenant(DemoCluster cluster) throws SQLException {
        try (Connection sys = DemoSql.connect(cluster, "root@sys")) {
            DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        }
        // the backup ends after a minute; the archive then goes on past it
        clock.advanceSeconds(180);
    }

    /**
     * Restores {@code source} into a new tenant and steps demo time until its tenant row shows every
     * tablet restored: the demo seconds from the tenant's creation to the end of its data.
     */
    private long dataSeconds(DemoCluster cluster, String source) throws Exception {
        String copy = source + "_copy";
        try (Connection sys = DemoSql.connect(cluster, "root@sys")) {
            DemoSql.exec(sys, "CREATE RESOURCE UNIT " + copy + "_unit MAX_CPU = 2, MEMORY_SIZE = '8G'");
            DemoSql.exec(sys, "CREATE RESOURCE POOL " + copy + "_pool UNIT = '" + copy + "_unit', UNIT_NUM = 1");
            CompletableFuture<Void> restore = CompletableFuture.runAsync(() -> {
                try (Connection own = DemoSql.connect(cluster, "root@sys")) {
                    DemoSql.exec(own, "ALTER SYSTEM RESTORE " + copy + " FROM 'file:///data/backup/" + source
                            + ",file:///data/archive/" + source + "' WITH 'pool_list=" + copy + "_pool'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> restore.isDone() || "CREATE_TENANT".equals(DemoSql.one(sys,
                    "SELECT STATUS FROM CDB_OB_RESTORE_PROGRESS WHERE TENANT_ID = 1 AND RESTORE_TENANT_NAME = '" + copy + "'")));
            assertThat(restore).as("the RESTORE waits for its tenant").isNotDone();
            clock.advanceSeconds(10);
            restore.get(20, TimeUnit.SECONDS);
            String tablets = "SELECT TABLET_COUNT - FINISH_TABLET_COUNT FROM CDB_OB_RESTORE_PROGRESS WHERE TENANT_ID <> 1 "
                    + "AND RESTORE_TENANT_NAME = '" + copy + "'";
            assertThat(Long.parseLong(DemoSql.one(sys, tablets))).as("the data has just begun").isPositive();
            long seconds = 0;
            while (Long.parseLong(DemoSql.one(sys, tablets)) > 0) {
                clock.advanceSeconds(1);
                seconds++;
                assertThat(seconds).as("the data of " + source + " restores within two hours").isLessThan(7200);
            }
            return seconds;
        }
    }

    @Test
    void aBiggerBackupTakesLongerToRestore() throws Exception {
        try (DemoCluster cluster = start(DemoLatency.NONE)) {
            fullBackupOfOracleTenant(cluster);
            long bigger = dataSeconds(cluster, "mysql_tenant");
            long smaller = dataSeconds(cluster, "oracle_tenant");

            assertThat(bigger).isGreaterThan(smaller);
            // in proportion to the sets' bytes (48 GiB against 32 GiB), within the one-second steps
            assertThat(bigger * 2).isBetween(smaller * 3 - 6, smaller * 3 + 6);
        }
    }

    @Test
    void theRealisticProfileRestoresTheSameBackupMoreSlowlyThanNone() throws Exception {
        long none;
        try (DemoCluster cluster = start(DemoLatency.NONE)) {
            none = dataSeconds(cluster, "mysql_tenant");
        }
        long realistic;
        try (DemoCluster cluster = start(DemoLatency.REALISTIC)) {
            realistic = dataSeconds(cluster, "mysql_tenant");
        }

        assertThat(realistic).isGreaterThan(none);
        // in proportion to the profiles' speeds (64 MiB/s against 2 GiB/s), within the one-second steps
        long slower = DemoLatency.NONE.restoreBytesPerSecond() / DemoLatency.REALISTIC.restoreBytesPerSecond();
        assertThat(slower).isEqualTo(32);
        assertThat(realistic).isBetween(none * slower - slower, none * slower + slower);
    }
}
