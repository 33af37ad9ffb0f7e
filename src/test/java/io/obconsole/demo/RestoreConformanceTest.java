package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restore as OceanBase does it (ob-restore-spec sections 1, 2 and 4), through the real mariadb
 * CLI signed in as root@sys: archive pieces, resource units and pools, RESTORE with its refusals
 * and its background lifecycle, CANCEL RESTORE and ACTIVATE STANDBY.
 */
class RestoreConformanceTest {

    private ManualClock clock;
    private DemoCluster cluster;

    @BeforeEach
    void start() {
        MariadbCli.requireInstalled();
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).fullBackupDuration(Duration.ofSeconds(60)).build());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    /** The rows the CLI printed (header left out), each split at its tabs. */
    private List<String[]> rows(String sql) throws IOException, InterruptedException {
        MariadbCli.Run run = MariadbCli.run(cluster, sql);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out().lines().skip(1).map(line -> line.split("\t", -1)).toList();
    }

    private String one(String sql) throws IOException, InterruptedException {
        List<String[]> rows = rows(sql);
        assertThat(rows).hasSize(1);
        return rows.get(0)[0];
    }

    private void ok(String sql) throws IOException, InterruptedException {
        MariadbCli.Run run = MariadbCli.run(cluster, sql);
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private void refused(String sql, String error, String text) throws IOException, InterruptedException {
        MariadbCli.Run run = MariadbCli.run(cluster, sql);
        assertThat(run.exit()).as(run.out()).isNotZero();
        assertThat(run.err()).contains(error).contains(text);
    }

    // ---- archive pieces

    @Test
    void piecesCoverTheArchiveRoundDayByDayWithoutAGap() throws Exception {
        List<String[]> pieces = rows("SELECT ROUND_ID, PIECE_ID, STATUS, START_SCN, CHECKPOINT_SCN, END_SCN, FILE_STATUS, "
                + "START_SCN_DISPLAY, PATH FROM oceanbase.CDB_OB_ARCHIVELOG_PIECE_FILES WHERE TENANT_ID = 1002 "
                + "ORDER BY PIECE_ID");
        String[] round = rows("SELECT START_SCN, CHECKPOINT_SCN, BASE_PIECE_ID, USED_PIECE_ID FROM CDB_OB_ARCHIVELOG "
                + "WHERE TENANT_ID = 1002").get(0);

        // three days of archiving (checkpoint two seconds behind): pieces 1, 2 and the active 3
        assertThat(pieces).extracting(p -> p[0] + ":" + p[1] + ":" + p[2] + ":" + p[6])
                .containsExactly("1:1:FROZEN:AVAILABLE", "1:2:FROZEN:AVAILABLE", "1:3:ACTIVE:AVAILABLE");
        assertThat(round[2] + ".." + round[3]).isEqualTo("1..3");
        assertThat(pieces.get(0)[3]).isEqualTo(round[0]);
        assertThat(pieces.get(0)[4]).isEqualTo(pieces.get(0)[5]);
        assertThat(pieces.get(1)[3]).isEqualTo(pieces.get(0)[5]);
        assertThat(pieces.get(2)[3]).isEqualTo(pieces.get(1)[5]);
        assertThat(pieces.get(2)[4]).isEqualTo(round[1]);
        // SCN = nanoseconds since the epoch: the round started 2024-05-17 10:00:00.123456 UTC
        assertThat(pieces.get(0)[3]).isEqualTo("1715940000123456000");
        assertThat(pieces.get(0)[7]).isEqualTo("2024-05-17 10:00:00.123456");
        assertThat(pieces.get(0)[8]).isEqualTo("file:///data/archive/mysql_tenant/piece_d1001r1p1");
    }

    @Test
    void theSeededBackupSetStartsReplayInsideAnAvailablePiece() throws Exception {
        String[] set = rows("SELECT START_REPLAY_SCN, MIN_RESTORE_SCN FROM CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1002")
                .get(0);
        String covering = one("SELECT COUNT(*) FROM CDB_OB_ARCHIVELOG_PIECE_FILES WHERE TENANT_ID = 1002 AND FILE_STATUS = "
                + "'AVAILABLE' AND START_SCN <= " + set[0] + " AND END_SCN > " + set[0]);
        assertThat(covering).isEqualTo("1");
        assertThat(Long.parseLong(set[1])).isGreaterThan(Long.parseLong(set[0]));
    }

    @Test
    void aStoppedAndRestartedArchiveLeavesAGapBetweenRounds() throws Exception {
        ok("ALTER SYSTEM NOARCHIVELOG TENANT = oracle_tenant");
        clock.advance(Duration.ofHours(2));
        ok("ALTER SYSTEM ARCHIVELOG TENANT = oracle_tenant");
        clock.advance(Duration.ofMinutes(10));

        List<String[]> pieces = rows("SELECT ROUND_ID, PIECE_ID, STATUS, START_SCN, CHECKPOINT_SCN, END_SCN "
                + "FROM CDB_OB_ARCHIVELOG_PIECE_FILES WHERE TENANT_ID = 1004 ORDER BY PIECE_ID");
        assertThat(pieces).extracting(p -> p[0] + ":" + p[1] + ":" + p[2])
                .containsExactly("1:1:FROZEN", "1:2:FROZEN", "1:3:FROZEN", "2:4:ACTIVE");
        String[] lastOfFirst = pieces.get(2);
        String[] firstOfSecond = pieces.get(3);
        // the stopped round's last piece ends where its log ends; the next round starts two hours later
        assertThat(lastOfFirst[5]).isEqualTo(lastOfFirst[4]);
        assertThat(Long.parseLong(firstOfSecond[3]) - Long.parseLong(lastOfFirst[5]))
                .isGreaterThanOrEqualTo(Duration.ofHours(2).toNanos());
        assertThat(Arrays.asList(rows("SELECT BASE_PIECE_ID, USED_PIECE_ID FROM CDB_OB_ARCHIVELOG WHERE TENANT_ID = 1004")
                .get(0))).containsExactly("4", "4");
    }

    // ---- resource units and pools

    @Test
    void eachSeededTenantHasItsPoolAndANewPoolIsFreeUntilARestoreTakesIt() throws Exception {
        assertThat(rows("SELECT NAME, TENANT_ID, UNIT_COUNT, ZONE_LIST FROM oceanbase.DBA_OB_RESOURCE_POOLS ORDER BY "
                + "RESOURCE_POOL_ID")).extracting(r -> String.join(":", r)).containsExactly(
                "sys_pool:1:1:zone1;zone2;zone3", "mysql_tenant_pool:1002:1:zone1;zone2;zone3",
                "oracle_tenant_pool:1004:1:zone1;zone2;zone3", "analytics_pool:1006:1:zone1;zone2;zone3");

        ok("CREATE RESOURCE UNIT restore_unit MAX_CPU = 2, MIN_CPU = 2, MEMORY_SIZE = '8G', LOG_DISK_SIZE = '24G'");
        ok("CREATE RESOURCE POOL restore_pool UNIT = 'restore_unit', UNIT_NUM = 1, ZONE_LIST = ('zone1', 'zone2', 'zone3')");

        assertThat(rows("SELECT NAME, MAX_CPU, MIN_CPU, MEMORY_SIZE, LOG_DISK_SIZE FROM DBA_OB_UNIT_CONFIGS "
                + "WHERE NAME = 'restore_unit'")).extracting(r -> String.join(":", r))
                .containsExactly("restore_unit:2:2:8589934592:25769803776");
        assertThat(rows("SELECT p.NAME, p.TENANT_ID, u.NAME FROM DBA_OB_RESOURCE_POOLS p JOIN DBA_OB_UNIT_CONFIGS u "
                + "ON u.UNIT_CONFIG_ID = p.UNIT_CONFIG_ID WHERE p.NAME = 'restore_pool'"))
                .extracting(r -> String.join(":", r)).containsExactly("restore_pool:NULL:restore_unit");
    }

    @Test
    void unitsAndPoolsAreRefusedWithOceanBaseCodes() throws Exception {
        refused("CREATE RESOURCE POOL p1 UNIT = 'no_unit', UNIT_NUM = 1", "ERROR 4648 (HY000)",
                "resource unit 'no_unit' not exist");
        ok("CREATE RESOURCE UNIT u1 MAX_CPU 2, MEMORY_SIZE '4G'");
        refused("CREATE RESOURCE UNIT u1 MAX_CPU 2, MEMORY_SIZE '4G'", "ERROR 4649 (HY000)",
                "resource unit 'u1' already exist");
        ok("CREATE RESOURCE POOL p1 UNIT = 'u1', UNIT_NUM = 1");
        refused("CREATE RESOURCE POOL p1 UNIT = 'u1', UNIT_NUM = 1", "ERROR 4651 (HY000)", "resource pool 'p1' exist");
        refused("DROP RESOURCE UNIT u1", "ERROR 4634 (HY000)", "resource unit 'u1' is referenced by some resource pool");
        refused("DROP RESOURCE POOL mysql_tenant_pool", "ERROR 4626 (HY000)",
                "resource pool 'mysql_tenant_pool' has already been granted to a tenant");
        refused("DROP RESOURCE POOL nope", "ERROR 4650 (HY000)", "resource pool 'nope' not exist");
        ok("DROP RESOURCE POOL p1");
        ok("DROP RESOURCE UNIT u1");
        assertThat(one("SELECT COUNT(*) FROM DBA_OB_RESOURCE_POOLS WHERE NAME = 'p1'")).isEqualTo("0");
    }

    @Test
    void aClusterHasFiniteCapacitySoAPoolCanBeRefused() throws Exception {
        // each zone's observer has 32 cores; sys and the three tenants hold 13 of them
        ok("CREATE RESOURCE UNIT big MAX_CPU = 16, MEMORY_SIZE = '32G'");
        ok("CREATE RESOURCE POOL big1 UNIT = 'big', UNIT_NUM = 1");
        refused("CREATE RESOURCE POOL big2 UNIT = 'big', UNIT_NUM = 1", "ERROR 4733 (HY000)",
                "zone 'zone1' resource not enough to hold 1 unit. You can check resource info by views: DBA_OB_UNITS, "
                        + "GV$OB_UNITS, GV$OB_SERVERS.");
        assertThat(one("SELECT COUNT(*) FROM DBA_OB_RESOURCE_POOLS WHERE NAME = 'big2'")).isEqualTo("0");
        ok("DROP RESOURCE POOL big1");
        ok("CREATE RESOURCE POOL big2 UNIT = 'big', UNIT_NUM = 1");
    }

    @Test
    void resourcesBelongToSys() throws Exception {
        try (var tenant = DemoSql.connect(cluster, "root@mysql_tenant")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoSql.exec(tenant,
                    "CREATE RESOURCE UNIT u9 MAX_CPU 1, MEMORY_SIZE '2G'"))
                    .isInstanceOfSatisfying(java.sql.SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1227));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoSql.rows(tenant,
                    "SELECT * FROM oceanbase.DBA_OB_RESOURCE_POOLS"))
                    .isInstanceOfSatisfying(java.sql.SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1146));
        }
    }
}
