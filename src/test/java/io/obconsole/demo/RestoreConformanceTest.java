package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    // ---- restore

    private static final String FROM_MYSQL = "FROM 'file:///data/backup/mysql_tenant,file:///data/archive/mysql_tenant'";

    private void restartAs(String version) {
        cluster.close();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).version(version)
                .fullBackupDuration(Duration.ofSeconds(60)).build());
    }

    private void freePool(String name) throws Exception {
        ok("CREATE RESOURCE UNIT " + name + "_unit MAX_CPU = 2, MEMORY_SIZE = '8G'");
        ok("CREATE RESOURCE POOL " + name + " UNIT = '" + name + "_unit', UNIT_NUM = 1");
    }

    /** Sends a RESTORE that blocks, as OceanBase's does, until the new tenant exists. */
    private CompletableFuture<MariadbCli.Run> send(String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return MariadbCli.run(cluster, sql);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void awaitSysRow(String tenant, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("SELECT STATUS FROM CDB_OB_RESTORE_PROGRESS WHERE TENANT_ID = 1 "
                + "AND RESTORE_TENANT_NAME = '" + tenant + "'").stream().anyMatch(r -> r[0].equals(status)));
    }

    /** RESTORE, then the ten seconds of demo time the new tenant takes to exist; the statement then answers. */
    private void restore(String sql, String tenant) throws Exception {
        CompletableFuture<MariadbCli.Run> sent = send(sql);
        awaitSysRow(tenant, "CREATE_TENANT");
        assertThat(sent).isNotDone();
        clock.advance(Duration.ofSeconds(10));
        MariadbCli.Run run = sent.get(20, TimeUnit.SECONDS);
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private List<String> progress() throws Exception {
        return rows("SELECT TENANT_ID, JOB_ID, RESTORE_TENANT_NAME, RESTORE_TENANT_ID, STATUS FROM CDB_OB_RESTORE_PROGRESS "
                + "ORDER BY TENANT_ID").stream().map(r -> String.join(":", r)).toList();
    }

    private String tenantState(String name) throws Exception {
        return rows("SELECT TENANT_ID, STATUS, TENANT_ROLE FROM DBA_OB_TENANTS WHERE TENANT_NAME = '" + name + "'").stream()
                .map(r -> String.join(":", r)).findFirst().orElse("none");
    }

    @Test
    void aRestoreBlocksUntilItsTenantExistsThenRestoresDataAndLogAndEndsInHistoryAsAStandby() throws Exception {
        restartAs("4.2.3.0");
        freePool("restore_pool");

        restore("ALTER SYSTEM RESTORE restored " + FROM_MYSQL + " UNTIL TIME='2024-05-20 09:00:00' "
                + "WITH 'pool_list=restore_pool&concurrency=4' DESCRIPTION 'drill'", "restored");

        assertThat(progress()).containsExactly("1:1:restored:1008:WAIT_TENANT_RESTORE_FINISH", "1008:1:restored:1008:RESTORING");
        assertThat(tenantState("restored")).isEqualTo("1008:RESTORE:RESTORE");
        assertThat(tenantState("META$1008")).startsWith("1007:NORMAL");
        assertThat(one("SELECT TENANT_ID FROM DBA_OB_RESOURCE_POOLS WHERE NAME = 'restore_pool'")).isEqualTo("1008");
        String[] job = rows("SELECT BACKUP_TENANT_NAME, BACKUP_TENANT_ID, RESTORE_SCN, RESTORE_SCN_DISPLAY, RESTORE_OPTION, "
                + "BACKUP_SET_LIST, BACKUP_PIECE_LIST, TABLET_COUNT, TOTAL_BYTES, DESCRIPTION FROM CDB_OB_RESTORE_PROGRESS "
                + "WHERE TENANT_ID = 1008").get(0);
        assertThat(job).containsExactly("mysql_tenant", "1002", "1716195600000000000", "2024-05-20 09:00:00",
                "pool_list=restore_pool&concurrency=4", "file:///data/backup/mysql_tenant/backup_set_1_full",
                // the set's replay starts 2024-05-19 14:00:02, inside the piece of the 19th
                "file:///data/archive/mysql_tenant/piece_d1001r1p3",
                "3612", "51539607552", "drill");
        // the sys row carries no progress of its own
        assertThat(rows("SELECT RESTORE_PROGRESS, TOTAL_BYTES FROM CDB_OB_RESTORE_PROGRESS WHERE TENANT_ID = 1").get(0))
                .containsExactly("NULL", "NULL");

        // 48 GiB at 2 GiB/s (the default profile): half the data after 12 s
        clock.advance(Duration.ofSeconds(12));
        assertThat(rows("SELECT FINISH_TABLET_COUNT, RESTORE_PROGRESS, RECOVER_PROGRESS, FINISH_BYTES FROM "
                + "CDB_OB_RESTORE_PROGRESS WHERE TENANT_ID = 1008").get(0)).containsExactly("1806", "50.00", "0.00", "0");

        // then the log from the set's START_REPLAY_SCN to the target (19 h of log, replayed 7,200 times as fast: 9.5 s)
        clock.advance(Duration.ofSeconds(12 + 5));
        String[] replay = rows("SELECT RESTORE_PROGRESS, RECOVER_PROGRESS, RECOVER_SCN, STATUS FROM CDB_OB_RESTORE_PROGRESS "
                + "WHERE TENANT_ID = 1008").get(0);
        assertThat(replay[0]).isEqualTo("100.00");
        assertThat(Double.parseDouble(replay[1])).isBetween(45.0, 55.0);
        assertThat(Long.parseLong(replay[2])).isBetween(1716127202123456000L, 1716195600000000000L);
        assertThat(replay[3]).isEqualTo("RESTORING");

        clock.advance(Duration.ofSeconds(6));
        assertThat(progress()).containsExactly("1:1:restored:1008:WAIT_TENANT_RESTORE_FINISH", "1008:1:restored:1008:POST_CHECK");
        clock.advance(Duration.ofSeconds(5));
        assertThat(progress()).contains("1008:1:restored:1008:UPGRADE");
        clock.advance(Duration.ofSeconds(5));

        assertThat(progress()).isEmpty();
        // BACKUP_CLUSTER_VERSION packs the set's 4.2.3.0 as (4 << 32) | (2 << 16) | (3 << 8)
        assertThat(rows("SELECT TENANT_ID, JOB_ID, STATUS, COMMENT, LS_COUNT, FINISH_LS_COUNT, FINISH_TABLET_COUNT, "
                + "BACKUP_CLUSTER_VERSION FROM CDB_OB_RESTORE_HISTORY ORDER BY TENANT_ID"))
                .extracting(r -> String.join(":", r))
                .containsExactly("1:1:SUCCESS::2:2:3612:17180001024", "1008:1:SUCCESS::2:2:3612:17180001024");
        assertThat(tenantState("restored")).isEqualTo("1008:NORMAL:STANDBY");

        ok("ALTER SYSTEM ACTIVATE STANDBY TENANT = restored");
        assertThat(tenantState("restored")).isEqualTo("1008:NORMAL:PRIMARY");
        refused("ALTER SYSTEM ACTIVATE STANDBY TENANT restored", "ERROR 4179 (HY000)", "is not standby");
    }

    @Test
    void aRestoredTenantsOwnAdministratorSeesItsRowsThroughDbaViews() throws Exception {
        freePool("restore_pool");
        restore("ALTER SYSTEM RESTORE own " + FROM_MYSQL + " WITH 'pool_list=restore_pool'", "own");
        try (var own = DemoSql.connect(cluster, "root@own")) {
            assertThat(DemoSql.rows(own, "SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_RESTORE_PROGRESS"))
                    .extracting(r -> r.get("JOB_ID") + ":" + r.get("STATUS")).containsExactly("1:RESTORING");
        }
    }

    @Test
    void progressColumnsOfLaterVersionsAreAbsentOn421() throws Exception {
        refused("SELECT RESTORE_PROGRESS FROM CDB_OB_RESTORE_PROGRESS", "ERROR 1054 (42S22)", "Unknown column 'RESTORE_PROGRESS'");
        assertThat(rows("SELECT COUNT(*) FROM CDB_OB_RESTORE_HISTORY")).extracting(r -> r[0]).containsExactly("0");
    }

    @Test
    void restoreIsRefusedBeforeAnythingRunsWithOceanBasesCodes() throws Exception {
        freePool("restore_pool");
        String with = " WITH 'pool_list=restore_pool'";
        refused("ALTER SYSTEM RESTORE r " + "FROM 'ftp://x/y'" + with, "ERROR 9026 (HY000)", "ftp://x/y is not a valid uri");
        refused("ALTER SYSTEM RESTORE r " + FROM_MYSQL + " WITH 'pool_list=restore_pool&concurrency=101'",
                "ERROR 1210 (HY000)", "Incorrect arguments to restore concurrency");
        refused("ALTER SYSTEM RESTORE r " + FROM_MYSQL + " UNTIL SCN=0" + with, "ERROR 1210 (HY000)",
                "Incorrect arguments to until scn, it should be positive integer");
        refused("ALTER SYSTEM RESTORE r " + FROM_MYSQL + " WITH 'concurrency=2'", "ERROR 4647 (HY000)",
                "resource pool list is empty");
        refused("ALTER SYSTEM RESTORE mysql_tenant " + FROM_MYSQL + with, "ERROR 4179 (HY000)",
                "restore tenant with existed tenant name is not allowed");
        refused("ALTER SYSTEM RESTORE r " + FROM_MYSQL + " WITH 'pool_list=no_pool'", "ERROR 4650 (HY000)",
                "resource pool 'no_pool' not exist");
        refused("ALTER SYSTEM RESTORE r " + FROM_MYSQL + " WITH 'pool_list=mysql_tenant_pool'", "ERROR 4626 (HY000)",
                "resource pool 'mysql_tenant_pool' has already been granted to a tenant");
        // the seeded full backup ended 2024-05-19 14:41:00.640660; the archive has reached 09:59:58.123456 today
        refused("ALTER SYSTEM RESTORE r " + FROM_MYSQL + " UNTIL TIME='2024-05-19 12:00:00'" + with, "ERROR 9119 (HY000)",
                "no full backup set can be used to restore to given time, minimum restorable time is 2024-05-19 14:41:00.640660");
        refused("ALTER SYSTEM RESTORE r " + FROM_MYSQL + " UNTIL TIME='2024-05-20 11:00:00'" + with, "ERROR 9119 (HY000)",
                "no enough log, maximum restorable time is 2024-05-20 09:59:58.123456");
        refused("ALTER SYSTEM RESTORE r FROM 'file:///data/backup/mysql_tenant,file:///data/archive/oracle_tenant'" + with,
                "ERROR 4179 (HY000)", "restoring backupsets of different tenants not allowed");
        try (var tenant = DemoSql.connect(cluster, "root@mysql_tenant")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoSql.exec(tenant,
                    "ALTER SYSTEM RESTORE r " + FROM_MYSQL + with))
                    .isInstanceOfSatisfying(java.sql.SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1227));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoSql.exec(tenant, "SET DECRYPTION IDENTIFIED BY 'x'"))
                    .isInstanceOfSatisfying(java.sql.SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1235);
                        assertThat(e.getMessage()).isEqualTo("non-sys tenant set decryption is not supported");
                    });
        }

        assertThat(progress()).isEmpty();
        assertThat(one("SELECT COUNT(*) FROM DBA_OB_TENANTS")).isEqualTo("7");
        assertThat(one("SELECT TENANT_ID FROM DBA_OB_RESOURCE_POOLS WHERE NAME = 'restore_pool'")).isEqualTo("NULL");
    }

    @Test
    void olderClustersAnswerAnUncoveredPointWithTheOlderCode() throws Exception {
        restartAs("4.2.0.0");
        freePool("restore_pool");
        refused("ALTER SYSTEM RESTORE r " + FROM_MYSQL + " UNTIL TIME='2024-05-20 11:00:00' WITH 'pool_list=restore_pool'",
                "ERROR 4018 (HY000)", "Entry not exist");
    }

    @Test
    void aSecondRestoreOfTheSameNameWhileTheFirstCreatesItsTenantIs9014() throws Exception {
        freePool("pool_a");
        freePool("pool_b");
        CompletableFuture<MariadbCli.Run> first = send("ALTER SYSTEM RESTORE twin " + FROM_MYSQL + " WITH 'pool_list=pool_a'");
        awaitSysRow("twin", "CREATE_TENANT");

        refused("ALTER SYSTEM RESTORE TWIN " + FROM_MYSQL + " WITH 'pool_list=pool_b'", "ERROR 9014 (HY000)",
                "Another restore is in progress");

        clock.advance(Duration.ofSeconds(10));
        assertThat(first.get(20, TimeUnit.SECONDS).exit()).isZero();
        refused("ALTER SYSTEM RESTORE twin " + FROM_MYSQL + " WITH 'pool_list=pool_b'", "ERROR 4179 (HY000)",
                "restore tenant with existed tenant name is not allowed");
        assertThat(one("SELECT COUNT(*) FROM CDB_OB_RESTORE_PROGRESS WHERE TENANT_ID = 1")).isEqualTo("1");
    }

    @Test
    void anEncryptedSetNeedsItsPasswordSetForDecryptionInTheSameSession() throws Exception {
        freePool("restore_pool");
        ok("SET ENCRYPTION ON IDENTIFIED BY 'secret' ONLY; ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        clock.advance(Duration.ofSeconds(70));
        assertThat(one("SELECT ENCRYPTION_MODE FROM CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1004 AND STATUS = 'SUCCESS'"))
                .isEqualTo("PASSWORD");
        String restore = "ALTER SYSTEM RESTORE secret_copy FROM 'file:///data/backup/oracle_tenant,"
                + "file:///data/archive/oracle_tenant' WITH 'pool_list=restore_pool'";

        refused(restore, "ERROR 9047 (HY000)", "invalid password for backup");
        refused("SET DECRYPTION IDENTIFIED BY 'wrong'; " + restore, "ERROR 9047 (HY000)", "invalid password for backup");
        restore("SET DECRYPTION IDENTIFIED BY 'other', 'secret'; " + restore, "secret_copy");

        assertThat(tenantState("secret_copy")).isEqualTo("1008:RESTORE:RESTORE");
    }

    @Test
    void cancelDropsTheRestoringTenantAndKeepsItsPools() throws Exception {
        freePool("restore_pool");
        restore("ALTER SYSTEM RESTORE doomed " + FROM_MYSQL + " WITH 'pool_list=restore_pool'", "doomed");
        clock.advance(Duration.ofSeconds(30));

        refused("ALTER SYSTEM CANCEL RESTORE mysql_tenant", "ERROR 4179 (HY000)", "drop tenant not in restore is not allowed");
        refused("ALTER SYSTEM CANCEL RESTORE nobody", "ERROR 5157 (HY000)", "Unknown tenant 'nobody'");
        ok("ALTER SYSTEM CANCEL RESTORE doomed");

        assertThat(tenantState("doomed")).isEqualTo("none");
        assertThat(one("SELECT COUNT(*) FROM DBA_OB_TENANTS WHERE TENANT_ID IN (1007, 1008)")).isEqualTo("0");
        assertThat(progress()).isEmpty();
        assertThat(rows("SELECT TENANT_ID, STATUS, COMMENT FROM CDB_OB_RESTORE_HISTORY ORDER BY TENANT_ID"))
                .extracting(r -> String.join(":", r))
                .containsExactly("1:FAIL:physical restore canceled", "1008:FAIL:physical restore canceled");
        assertThat(rows("SELECT NAME, TENANT_ID FROM DBA_OB_RESOURCE_POOLS WHERE NAME = 'restore_pool'").get(0))
                .containsExactly("restore_pool", "NULL");
        // the kept pool serves the next restore
        restore("ALTER SYSTEM RESTORE again " + FROM_MYSQL + " WITH 'pool_list=restore_pool'", "again");
        assertThat(tenantState("again")).isEqualTo("1010:RESTORE:RESTORE");
    }

    @Test
    void dropTenantForceRemovesARestoredTenantAtOnceAndFreesItsPoolWhichCanThenBeDropped() throws Exception {
        freePool("restore_pool");
        restore("ALTER SYSTEM RESTORE scratch " + FROM_MYSQL + " WITH 'pool_list=restore_pool'", "scratch");
        clock.advance(Duration.ofSeconds(600));
        assertThat(tenantState("scratch")).isEqualTo("1008:NORMAL:STANDBY");

        refused("DROP RESOURCE POOL restore_pool", "ERROR", "restore_pool");
        refused("DROP TENANT nobody FORCE", "ERROR 5157 (HY000)", "Unknown tenant 'nobody'");
        ok("DROP TENANT IF EXISTS nobody FORCE");
        ok("DROP TENANT scratch FORCE");

        assertThat(tenantState("scratch")).isEqualTo("none");
        assertThat(one("SELECT COUNT(*) FROM DBA_OB_TENANTS WHERE TENANT_ID IN (1007, 1008)")).isEqualTo("0");
        assertThat(rows("SELECT NAME, TENANT_ID FROM DBA_OB_RESOURCE_POOLS WHERE NAME = 'restore_pool'").get(0))
                .containsExactly("restore_pool", "NULL");
        ok("DROP RESOURCE POOL restore_pool");
        assertThat(rows("SELECT NAME FROM DBA_OB_RESOURCE_POOLS WHERE NAME = 'restore_pool'")).isEmpty();
    }

    @Test
    void dropTenantWithoutForceIsTheDelayedDropThatKeepsTheTenantDropping() throws Exception {
        freePool("restore_pool");
        restore("ALTER SYSTEM RESTORE later " + FROM_MYSQL + " WITH 'pool_list=restore_pool'", "later");
        clock.advance(Duration.ofSeconds(600));

        ok("DROP TENANT later");

        assertThat(tenantState("later")).isEqualTo("1008:DROPPING:STANDBY");
    }

    @Test
    void cancelRestoreDoesNotExistBefore420() throws Exception {
        restartAs("4.1.0.2");
        refused("ALTER SYSTEM CANCEL RESTORE anyone", "ERROR 1235 (0A000)", "cancel restore is not supported");
    }

    @Test
    void aRestoreCanFailInItsBackgroundPhaseAndSaysWhyInHistory() throws Exception {
        freePool("restore_pool");
        cluster.control().failNextRestore("archive piece file:///data/archive/mysql_tenant/piece_d1001r1p3 not exist");
        restore("ALTER SYSTEM RESTORE broken " + FROM_MYSQL + " WITH 'pool_list=restore_pool'", "broken");

        clock.advance(Duration.ofSeconds(120));

        assertThat(progress()).isEmpty();
        assertThat(rows("SELECT TENANT_ID, STATUS, COMMENT FROM CDB_OB_RESTORE_HISTORY ORDER BY TENANT_ID"))
                .extracting(r -> String.join(":", r)).containsExactly(
                        "1:FAIL:archive piece file:///data/archive/mysql_tenant/piece_d1001r1p3 not exist",
                        "1008:FAIL:archive piece file:///data/archive/mysql_tenant/piece_d1001r1p3 not exist");
        assertThat(tenantState("broken")).isEqualTo("1008:RESTORE:RESTORE");
        refused("ALTER SYSTEM ACTIVATE STANDBY TENANT broken", "ERROR 4179 (HY000)", "is not standby");
        ok("ALTER SYSTEM CANCEL RESTORE broken");
        assertThat(tenantState("broken")).isEqualTo("none");
    }

    @Test
    void theControlSurfaceMakesTheNextRestoreFailOnAMissingPiece() throws Exception {
        freePool("restore_pool");
        ok("CALL demo.fail_next_restore()");
        restore("ALTER SYSTEM RESTORE lost " + FROM_MYSQL + " WITH 'pool_list=restore_pool'", "lost");
        clock.advance(Duration.ofSeconds(120));
        assertThat(rows("SELECT STATUS, COMMENT FROM CDB_OB_RESTORE_HISTORY WHERE TENANT_ID = 1").get(0))
                .containsExactly("FAIL", "archive log piece not exist, restore failed");
    }
}
