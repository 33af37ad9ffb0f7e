package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec sections 2-4 through mysql-connector-j: every statement, error row and lifecycle rule. */
class BackupConformanceTest {

    private ManualClock clock;
    private DemoCluster cluster;
    private Connection sys;

    @BeforeEach
    void start() throws SQLException {
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).fullBackupDuration(Duration.ofSeconds(60)).build());
        sys = DemoSql.connect(cluster, "root@sys");
    }

    @AfterEach
    void stop() throws SQLException {
        sys.close();
        cluster.close();
    }

    private static void assertError(ThrowingCallable call, int code, String sqlState, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(code);
            assertThat(e.getSQLState()).isEqualTo(sqlState);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private List<Map<String, Object>> jobs(String where) throws SQLException {
        return DemoSql.rows(sys, "SELECT TENANT_ID, JOB_ID, BACKUP_SET_ID, INITIATOR_TENANT_ID, INITIATOR_JOB_ID, "
                + "EXECUTOR_TENANT_ID, BACKUP_TYPE, JOB_LEVEL, STATUS, RESULT, COMMENT, ENCRYPTION_MODE, PASSWD, "
                + "END_TIMESTAMP FROM oceanbase.CDB_OB_BACKUP_JOBS WHERE " + where + " ORDER BY TENANT_ID");
    }

    // ---- connecting

    @Test
    void versionFunctionsAnswerAsOceanBaseCe421() throws SQLException {
        Map<String, Object> row = DemoSql.rows(sys, "SELECT VERSION(), ob_version(), @@version_comment").get(0);
        assertThat(row.get("VERSION()")).isEqualTo("5.7.25-OceanBase_CE-v4.2.1.0");
        assertThat(row.get("ob_version()")).isEqualTo("4.2.1.0");
        assertThat((String) row.get("@@version_comment")).startsWith("OceanBase_CE 4.2.1.0 (r");
    }

    @Test
    void obproxyUserFormSignsIn() throws SQLException {
        try (Connection proxied = DemoSql.connect(cluster, "root@mysql_tenant#demo")) {
            assertThat(DemoSql.one(proxied, "SELECT COUNT(*) FROM DBA_OB_TENANTS")).isEqualTo("1");
        }
    }

    // ---- views

    @Test
    void sysSeesEveryTenantWithOceanBaseIds() throws SQLException {
        List<Map<String, Object>> tenants = DemoSql.rows(sys,
                "SELECT TENANT_ID, TENANT_NAME, TENANT_TYPE, COMPATIBILITY_MODE FROM DBA_OB_TENANTS ORDER BY TENANT_ID");
        assertThat(tenants).extracting(r -> r.get("TENANT_ID") + ":" + r.get("TENANT_NAME") + ":" + r.get("TENANT_TYPE"))
                .containsExactly("1:sys:SYS", "1001:META$1002:META", "1002:mysql_tenant:USER", "1003:META$1004:META",
                        "1004:oracle_tenant:USER", "1005:META$1006:META", "1006:analytics:USER");
        assertThat(tenants.get(4).get("COMPATIBILITY_MODE")).isEqualTo("ORACLE");
    }

    @Test
    void userTenantSeesOnlyItsOwnRowsWithoutTenantId() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            assertThat(DemoSql.columns(mysql, "SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY")).first().isEqualTo("JOB_ID");
            assertThat(DemoSql.rows(mysql, "SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY")).hasSize(1);
        }
    }

    @Test
    void cdbViewFromUserTenantDoesNotExist() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            assertError(() -> DemoSql.rows(mysql, "SELECT * FROM oceanbase.CDB_OB_BACKUP_JOBS"), 1146, "42S02",
                    "Table 'oceanbase.CDB_OB_BACKUP_JOBS' doesn't exist");
        }
    }

    @Test
    void unknownColumnIs1054() {
        assertError(() -> DemoSql.rows(sys, "SELECT nope FROM CDB_OB_BACKUP_JOBS"), 1054, "42S22",
                "Unknown column 'nope' in 'field list'");
    }

    @Test
    void malformedSelectIs1064QuotingTheClientText() {
        assertError(() -> DemoSql.rows(sys, "SELECT * FROM CDB_OB_BACKUP_JOBS WHERE STATUS = = 'DOING'"), 1064, "42000",
                "You have an error in your SQL syntax; check the manual that corresponds to your OceanBase version "
                        + "for the right syntax to use near '= 'DOING'' at line 1");
    }

    @Test
    void selectsRunAsRealSqlWithWhereOrderLimitAndAggregates() throws SQLException {
        assertThat(DemoSql.one(sys, "select count(*) from oceanbase.cdb_ob_backup_set_files where backup_type = 'FULL' "
                + "and status = 'SUCCESS' and file_status = 'AVAILABLE'")).isEqualTo("1");
        assertThat(DemoSql.one(sys, "SELECT t.TENANT_NAME FROM DBA_OB_TENANTS t JOIN CDB_OB_ARCHIVELOG a "
                + "ON a.TENANT_ID = t.TENANT_ID WHERE a.STATUS = 'DOING' ORDER BY t.TENANT_ID DESC LIMIT 1"))
                .isEqualTo("oracle_tenant");
    }

    @Test
    void timestampsCarryMicroseconds() throws SQLException {
        assertThat(DemoSql.one(sys, "SELECT START_TIMESTAMP FROM CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = 1002"))
                .isEqualTo("2024-05-19 14:00:00.123456");
    }

    @Test
    void archiveOnlyForTenantsThatArchived() throws SQLException {
        assertThat(DemoSql.rows(sys, "SELECT TENANT_ID, STATUS FROM CDB_OB_ARCHIVELOG ORDER BY TENANT_ID"))
                .extracting(r -> r.get("TENANT_ID") + ":" + r.get("STATUS")).containsExactly("1002:DOING", "1004:DOING");
    }

    @Test
    void backupDestIsInBackupParameter() throws SQLException {
        assertThat(DemoSql.rows(sys, "SELECT TENANT_ID, VALUE FROM CDB_OB_BACKUP_PARAMETER WHERE NAME = 'data_backup_dest'"))
                .extracting(r -> r.get("TENANT_ID")).containsExactly("1002", "1004");
    }

    // ---- starting a backup

    @Test
    void sysBackupMakesClusterRowAndTenantRowsPointingBack() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant, oracle_tenant");
        List<Map<String, Object>> rows = jobs("1=1");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("TENANT_ID", "1").containsEntry("BACKUP_SET_ID", "0")
                .containsEntry("JOB_LEVEL", "CLUSTER").containsEntry("EXECUTOR_TENANT_ID", "1002,1004")
                .containsEntry("STATUS", "INIT");
        String sysJob = (String) DemoSql.rows(sys, "SELECT JOB_ID FROM CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1").get(0).get("JOB_ID");
        assertThat(rows.get(1)).containsEntry("JOB_LEVEL", "USER_TENANT").containsEntry("INITIATOR_TENANT_ID", "1")
                .containsEntry("INITIATOR_JOB_ID", sysJob).containsEntry("BACKUP_SET_ID", "2");
        assertThat(rows.get(2)).containsEntry("TENANT_ID", "1004").containsEntry("BACKUP_SET_ID", "1");
    }

    @Test
    void selfStartedBackupHasOwnInitiatorAndJobIdZero() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            DemoSql.exec(mysql, "ALTER SYSTEM BACKUP DATABASE");
            Map<String, Object> row = DemoSql.rows(mysql,
                    "SELECT INITIATOR_TENANT_ID, INITIATOR_JOB_ID, JOB_LEVEL FROM DBA_OB_BACKUP_JOBS").get(0);
            assertThat(row).containsEntry("INITIATOR_TENANT_ID", "1002").containsEntry("INITIATOR_JOB_ID", "0")
                    .containsEntry("JOB_LEVEL", "USER_TENANT");
        }
    }

    @Test
    void jobGoesInitDoingCompletedAndMovesToHistoryWithBackupSet() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        assertThat(jobs("TENANT_ID = 1004").get(0)).containsEntry("STATUS", "INIT");
        clock.advanceSeconds(2);
        assertThat(jobs("TENANT_ID = 1004").get(0)).containsEntry("STATUS", "DOING");
        assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_BACKUP_TASKS WHERE TENANT_ID = 1004")).isEqualTo("BACKUP_SYS_META");
        clock.advanceSeconds(30);
        assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_BACKUP_TASKS WHERE TENANT_ID = 1004")).isEqualTo("BACKUP_DATA_MAJOR");
        clock.advanceSeconds(30);
        assertThat(jobs("1=1")).isEmpty();
        Map<String, Object> done = DemoSql.rows(sys, "SELECT STATUS, END_TIMESTAMP FROM CDB_OB_BACKUP_JOB_HISTORY "
                + "WHERE TENANT_ID = 1004").get(0);
        assertThat(done).containsEntry("STATUS", "COMPLETED").containsEntry("END_TIMESTAMP", "2024-05-20 10:01:02.123456");
        Map<String, Object> set = DemoSql.rows(sys, "SELECT BACKUP_TYPE, STATUS, FILE_STATUS, ELAPSED_SECONDES, "
                + "PREV_FULL_BACKUP_SET_ID FROM CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1004").get(0);
        assertThat(set).containsEntry("BACKUP_TYPE", "FULL").containsEntry("STATUS", "SUCCESS")
                .containsEntry("FILE_STATUS", "AVAILABLE").containsEntry("ELAPSED_SECONDES", "62");
    }

    @Test
    void countersAdvanceAndAreExactUnderTheManualClock() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        clock.advanceSeconds(2 + 30);
        String sql = "SELECT FINISH_MACRO_BLOCK_COUNT, MACRO_BLOCK_COUNT FROM CDB_OB_BACKUP_TASKS WHERE TENANT_ID = 1002";
        Map<String, Object> first = DemoSql.rows(sys, sql).get(0);
        assertThat(first.get("MACRO_BLOCK_COUNT")).isEqualTo("24576");
        long halfway = Long.parseLong((String) first.get("FINISH_MACRO_BLOCK_COUNT"));
        assertThat(halfway).isBetween(10_000L, 14_000L);
        assertThat(DemoSql.rows(sys, sql).get(0).get("FINISH_MACRO_BLOCK_COUNT")).isEqualTo(String.valueOf(halfway));
    }

    @Test
    void higherThreadScoreMakesBackupFaster() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM SET ha_low_thread_score = 16 TENANT = mysql_tenant");
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        clock.advanceSeconds(2 + 15);
        assertThat(jobs("TENANT_ID = 1002")).isEmpty();
    }

    @Test
    void incrementalWithoutFullBecomesFull() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP INCREMENTAL TENANT = oracle_tenant");
        assertThat(jobs("TENANT_ID = 1004").get(0)).containsEntry("BACKUP_TYPE", "FULL");
    }

    @Test
    void incrementalAfterFullPointsToPreviousSets() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP INCREMENTAL TENANT = mysql_tenant");
        assertThat(jobs("TENANT_ID = 1002").get(0)).containsEntry("BACKUP_TYPE", "INC");
        clock.advanceSeconds(60);
        Map<String, Object> set = DemoSql.rows(sys, "SELECT PREV_FULL_BACKUP_SET_ID, PREV_INC_BACKUP_SET_ID FROM "
                + "CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1002 AND BACKUP_SET_ID = 2").get(0);
        assertThat(set).containsEntry("PREV_FULL_BACKUP_SET_ID", "1").containsEntry("PREV_INC_BACKUP_SET_ID", "1");
    }

    @Test
    void backupDatabaseFromSysSkipsIneligibleTenantsSilently() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP DATABASE");
        assertThat(jobs("JOB_LEVEL = 'USER_TENANT'")).extracting(r -> r.get("TENANT_ID")).containsExactly("1002", "1004");
    }

    @Test
    void encryptionPasswordRecordsPasswordModeAndADigest() throws SQLException {
        DemoSql.exec(sys, "SET ENCRYPTION ON IDENTIFIED BY 'Secret#1' ONLY");
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        Map<String, Object> row = jobs("TENANT_ID = 1004").get(0);
        assertThat(row).containsEntry("ENCRYPTION_MODE", "PASSWORD");
        assertThat((String) row.get("PASSWD")).isNotEmpty().doesNotContain("Secret#1");
    }

    @Test
    void encryptionPasswordStaysOnTheConnectionAfterABackup() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            DemoSql.exec(mysql, "SET ENCRYPTION ON IDENTIFIED BY 'pw' ONLY");
            DemoSql.exec(mysql, "ALTER SYSTEM BACKUP DATABASE");
            clock.advanceSeconds(90);
            DemoSql.exec(mysql, "ALTER SYSTEM BACKUP DATABASE");
            assertThat(jobs("TENANT_ID = 1002").get(0)).containsEntry("ENCRYPTION_MODE", "PASSWORD");
        }
    }

    @Test
    void withoutEncryptionModeIsNoneAndPasswdEmpty() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        assertThat(jobs("TENANT_ID = 1004").get(0)).containsEntry("ENCRYPTION_MODE", "NONE").containsEntry("PASSWD", "");
    }

    @Test
    void failedJobShowsResultAndCommentOnlyInHistory() throws SQLException {
        cluster.control().failNextJob("oracle_tenant", -9070, "can not connect to backup destination");
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        clock.advanceSeconds(3);
        Map<String, Object> row = DemoSql.rows(sys, "SELECT STATUS, RESULT, COMMENT FROM CDB_OB_BACKUP_JOB_HISTORY "
                + "WHERE TENANT_ID = 1004").get(0);
        assertThat(row).containsEntry("STATUS", "FAILED").containsEntry("RESULT", "-9070")
                .containsEntry("COMMENT", "can not connect to backup destination");
        assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = 1 ORDER BY JOB_ID DESC LIMIT 1"))
                .isEqualTo("FAILED");
    }

    @Test
    void retryableErrorBumpsRetryIdBeforeFailing() throws SQLException {
        cluster.control().failNextJob("oracle_tenant", -4009, "IO error");
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        clock.advanceSeconds(2 + 31);
        assertThat(DemoSql.one(sys, "SELECT RETRY_ID FROM CDB_OB_BACKUP_TASKS WHERE TENANT_ID = 1004")).isEqualTo("1");
        clock.advanceSeconds(10);
        assertThat(DemoSql.one(sys, "SELECT RESULT FROM CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = 1004")).isEqualTo("-4009");
    }

    @Test
    void stalledJobCountersStopMoving() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        clock.advanceSeconds(20);
        cluster.control().stallJob("mysql_tenant");
        String sql = "SELECT FINISH_MACRO_BLOCK_COUNT FROM CDB_OB_BACKUP_TASKS WHERE TENANT_ID = 1002";
        String before = DemoSql.one(sys, sql);
        clock.advanceSeconds(120);
        assertThat(DemoSql.one(sys, sql)).isEqualTo(before);
        cluster.control().unstall("mysql_tenant");
        clock.advanceSeconds(5);
        assertThat(DemoSql.one(sys, sql)).isNotEqualTo(before);
    }

    // ---- cancel

    @Test
    void cancelGoesCancelingThenCanceled() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        clock.advanceSeconds(5);
        DemoSql.exec(sys, "ALTER SYSTEM CANCEL BACKUP TENANT = oracle_tenant");
        assertThat(jobs("TENANT_ID = 1004").get(0)).containsEntry("STATUS", "CANCELING");
        clock.advanceSeconds(3);
        assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = 1004")).isEqualTo("CANCELED");
    }

    @Test
    void cancelWithNothingRunningSucceedsWithZeroRows() throws SQLException {
        try (var statement = sys.createStatement()) {
            assertThat(statement.executeUpdate("ALTER SYSTEM CANCEL BACKUP")).isZero();
        }
    }

    // ---- errors of spec section 4

    @Test
    void archiveNotDoingIs9040() {
        cluster.control().setBackupDest("analytics", "file:///data/backup/analytics");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = analytics"), 9040, "HY000",
                "backup can not start, because log archive status is not doing.");
    }

    @Test
    void destNotSetFromSysIs9040() {
        cluster.control().setArchive("analytics", "DOING");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = analytics"), 9040, "HY000",
                "backup can not start, because backup dest is not set.");
    }

    @Test
    void destNotSetFromUserTenantIs9040WithShortText() throws SQLException {
        cluster.control().setArchive("analytics", "DOING");
        try (Connection analytics = DemoSql.connect(cluster, "root@analytics")) {
            assertError(() -> DemoSql.exec(analytics, "ALTER SYSTEM BACKUP DATABASE"), 9040, "HY000", "backup can not start");
        }
    }

    @Test
    void tenantNotNormalIs9040() {
        cluster.control().setTenantStatus("oracle_tenant", "RESTORE");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant"), 9040, "HY000",
                "backup can not start, because tenant status is not normal.");
    }

    @Test
    void backupDatabaseWithNoQualifyingTenantIs9040() {
        cluster.control().setArchive("mysql_tenant", "STOP");
        cluster.control().setArchive("oracle_tenant", "INTERRUPTED");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP DATABASE"), 9040, "HY000",
                "backup can not start, because no tenant meets the backup condition, please check the tenant status, "
                        + "log archive status, backup data dest, and backup status for each tenant");
    }

    @Test
    void secondBackupOfARunningTenantIs9036() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant"), 9036, "HY000", "Backup is in progress");
    }

    @Test
    void unknownTenantIs5160() {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = nope"), 5160, "HY000",
                "invalid tenant name specified in connection string");
    }

    @Test
    void namingSysIsAnInternalError() {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = sys"), 4016, "HY000", "Internal error");
    }

    @Test
    void userTenantNamingTenantsInBackupIs1235() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            assertError(() -> DemoSql.exec(mysql, "ALTER SYSTEM BACKUP TENANT = mysql_tenant"), 1235, "0A000",
                    "user tenant cannot specify tenant names not supported");
        }
    }

    @Test
    void userTenantNamingTenantsInCancelIs1235() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            assertError(() -> DemoSql.exec(mysql, "ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant"), 1235, "0A000",
                    "Not supported feature or function");
        }
    }

    @Test
    void accountWithoutAlterSystemIs1227() throws SQLException {
        try (Connection viewer = DemoSql.connect(cluster, "viewer@mysql_tenant")) {
            assertThat(DemoSql.rows(viewer, "SELECT * FROM DBA_OB_BACKUP_JOBS")).isEmpty();
            assertError(() -> DemoSql.exec(viewer, "ALTER SYSTEM BACKUP DATABASE"), 1227, "42501",
                    "Access denied; you need (at least one of) the ALTER SYSTEM privilege(s) for this operation");
        }
    }

    @Test
    void threadScoreOutOfRangeIs4147() {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM SET ha_low_thread_score = 101 TENANT = all_user"), 4147, "HY000",
                "Invalid config");
    }

    @Test
    void threadScoreReadsBackThroughParametersAndShow() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM SET ha_low_thread_score = 10 TENANT = all_user");
        assertThat(DemoSql.rows(sys, "SELECT DISTINCT TENANT_ID, VALUE FROM oceanbase.GV$OB_PARAMETERS "
                + "WHERE NAME = 'ha_low_thread_score' AND VALUE = '10' ORDER BY TENANT_ID"))
                .extracting(r -> r.get("TENANT_ID")).containsExactly("1002", "1004", "1006");
        List<Map<String, Object>> shown = DemoSql.rows(sys, "SHOW PARAMETERS LIKE 'ha_low_thread_score' TENANT = 'oracle_tenant'");
        assertThat(shown).hasSize(3);
        assertThat(shown.get(0).keySet()).containsExactly("zone", "svr_type", "svr_ip", "svr_port", "name", "data_type",
                "value", "info", "section", "scope", "edit_level");
        assertThat(shown.get(0)).containsEntry("value", "10");
    }

    @Test
    void allUserIsNotSupportedBefore421AndAllTakesEveryTenant() throws SQLException {
        try (DemoCluster old = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).version("4.2.0.0").build());
                Connection oldSys = DemoSql.connect(old, "root@sys")) {
            assertError(() -> DemoSql.exec(oldSys, "ALTER SYSTEM SET ha_low_thread_score = 10 TENANT = all_user"), 1235,
                    "0A000", "Not supported feature or function");
            DemoSql.exec(oldSys, "ALTER SYSTEM SET ha_low_thread_score = 10 TENANT = all");
            // before 4.2.1 "all" is every tenant, sys and META included
            assertThat(DemoSql.rows(oldSys, "SELECT DISTINCT TENANT_ID FROM oceanbase.GV$OB_PARAMETERS "
                    + "WHERE NAME = 'ha_low_thread_score' AND VALUE = '10' ORDER BY TENANT_ID"))
                    .extracting(r -> r.get("TENANT_ID")).contains("1", "1001", "1002");
        }
    }

    @Test
    void userTenantNamingTenantsInSetIs1227() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            assertError(() -> DemoSql.exec(mysql, "ALTER SYSTEM SET ha_low_thread_score = 5 TENANT = mysql_tenant"), 1227,
                    "42501", "Access denied; you need (at least one of) the ALTER SYSTEM privilege(s) for this operation");
            DemoSql.exec(mysql, "ALTER SYSTEM SET ha_low_thread_score = 5");
        }
    }

    // ---- admission (spec section 6): open jobs are counted per (tenant, initiator)

    @Test
    void openSysJobRefusesEveryBackupFromSysWhicheverTenantsItNames() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant"), 9036, "HY000",
                "Backup is in progress");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP DATABASE"), 9036, "HY000", "Backup is in progress");
        assertThat(jobs("JOB_LEVEL = 'USER_TENANT'")).extracting(r -> r.get("TENANT_ID")).containsExactly("1002");
    }

    @Test
    void tenantWhosePartEndedIsStillRefusedWhileTheClusterRowIsOpen() throws SQLException {
        cluster.control().stallJob("mysql_tenant");
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant, oracle_tenant");
        clock.advanceSeconds(120);
        assertThat(jobs("TENANT_ID = 1004")).isEmpty();
        assertThat(jobs("TENANT_ID = 1")).singleElement().satisfies(r -> assertThat(r.get("STATUS")).isEqualTo("DOING"));
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant"), 9036, "HY000",
                "Backup is in progress");
        cluster.control().unstall("mysql_tenant");
        clock.advanceSeconds(120);
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
    }

    @Test
    void tenantsOwnBackupAndOneFromSysMayBeOpenTogether() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            DemoSql.exec(mysql, "ALTER SYSTEM BACKUP DATABASE");
            DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            assertThat(jobs("TENANT_ID = 1002")).extracting(r -> r.get("INITIATOR_TENANT_ID"))
                    .containsExactlyInAnyOrder("1002", "1");
            // the tenant's own second one is refused: same (tenant, initiator)
            assertError(() -> DemoSql.exec(mysql, "ALTER SYSTEM BACKUP DATABASE"), 9036, "HY000", "Backup is in progress");
        }
    }

    @Test
    void backupDatabaseFromSysLeavesOutATenantBusyWithItsOwnBackup() throws SQLException {
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            DemoSql.exec(mysql, "ALTER SYSTEM BACKUP DATABASE");
        }
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP DATABASE");
        assertThat(jobs("TENANT_ID = 1")).singleElement()
                .satisfies(r -> assertThat(r.get("EXECUTOR_TENANT_ID")).isEqualTo("1004"));
    }

    @Test
    void archivelogRepeatedIs9091AndStartsThroughBeginning() throws SQLException {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM ARCHIVELOG TENANT = mysql_tenant"), 9091, "HY000",
                "Already in ARCHIVELOG mode");
        DemoSql.exec(sys, "ALTER SYSTEM ARCHIVELOG TENANT = analytics");
        assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_ARCHIVELOG WHERE TENANT_ID = 1006")).isEqualTo("BEGINNING");
        clock.advanceSeconds(10);
        assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_ARCHIVELOG WHERE TENANT_ID = 1006")).isEqualTo("DOING");
    }

    @Test
    void noarchivelogStopsThroughStoppingAndRepeatedIs9092() throws SQLException {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM NOARCHIVELOG TENANT = analytics"), 9092, "HY000",
                "Already in NOARCHIVELOG mode");
        DemoSql.exec(sys, "ALTER SYSTEM NOARCHIVELOG TENANT = oracle_tenant");
        assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_ARCHIVELOG WHERE TENANT_ID = 1004")).isEqualTo("STOPPING");
        clock.advanceSeconds(5);
        assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_ARCHIVELOG WHERE TENANT_ID = 1004")).isEqualTo("STOP");
    }

    @Test
    void settingBackupDestMakesTenantEligible() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/analytics' TENANT = analytics");
        DemoSql.exec(sys, "ALTER SYSTEM ARCHIVELOG TENANT = analytics");
        clock.advanceSeconds(10);
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = `analytics` DESCRIPTION = 'it''s ready'");
        assertThat(DemoSql.one(sys, "SELECT DESCRIPTION FROM CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1006")).isEqualTo("it's ready");
    }

    @Test
    void malformedAlterSystemIs1064() {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM BACKUP INCREMENTAL DATABASE PLUS ARCHIVELOG"), 1064, "42000",
                "You have an error in your SQL syntax; check the manual that corresponds to your OceanBase version "
                        + "for the right syntax to use near 'PLUS ARCHIVELOG' at line 1");
    }

    @Test
    void statementsReceivedShowWhatTheConsoleSent() throws SQLException {
        cluster.control().resetStatements();
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        assertThat(cluster.control().statementsReceived()).contains("ALTER SYSTEM BACKUP TENANT = oracle_tenant")
                .doesNotContain("ALTER SYSTEM BACKUP DATABASE");
    }
}
