package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The set-up statements of spec section 2 and docs/ob-backup-spec-additions.md through
 * mysql-connector-j: destinations (with their 9026/9080/9081 refusals and stored credentials),
 * the archive lifecycle on the demo clock, and the delete policy with its view.
 */
class SetupConformanceTest {

    private ManualClock clock;
    private DemoCluster cluster;
    private Connection sys;

    @BeforeEach
    void start() throws SQLException {
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).build());
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

    private String archiveStatus(long tenantId) throws SQLException {
        return DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_ARCHIVELOG WHERE TENANT_ID = " + tenantId);
    }

    // ---- destinations

    @Test
    void dataBackupDestReadsBackFromBackupParameter() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/analytics' TENANT = analytics");
        assertThat(DemoSql.one(sys, "SELECT VALUE FROM CDB_OB_BACKUP_PARAMETER WHERE TENANT_ID = 1006 "
                + "AND NAME = 'data_backup_dest'")).isEqualTo("file:///data/backup/analytics");
    }

    @Test
    void accessKeyIsStoredEncryptedNeverInClear() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'oss://bucket/analytics?host=oss-cn-hangzhou.aliyuncs.com"
                + "&access_id=AKID1&access_key=TopSecret42' TENANT = analytics");
        String stored = DemoSql.one(sys, "SELECT VALUE FROM CDB_OB_BACKUP_PARAMETER WHERE TENANT_ID = 1006");
        assertThat(stored).startsWith("oss://bucket/analytics?host=oss-cn-hangzhou.aliyuncs.com&access_id=AKID1&encrypt_key=")
                .doesNotContain("TopSecret42").doesNotContain("access_key");
    }

    @Test
    void unknownSchemeIs9026() {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'ftp://host/backup' TENANT = analytics"),
                9026, "HY000", "backup destination is not valid");
    }

    @Test
    void directoryWithForeignFilesIs9080() {
        cluster.control().putForeignFiles("file:///data/scratch");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/scratch/' TENANT = analytics"),
                9080, "HY000", "the format file does not exist under the destination");
    }

    @Test
    void destinationOfAnotherTenantIs9081() {
        assertError(() -> DemoSql.exec(sys,
                "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/mysql_tenant' TENANT = analytics"),
                9081, "HY000", "the content of the format file at the destination does not match");
    }

    @Test
    void archiveDestinationUsedForDataIs9081() {
        assertError(() -> DemoSql.exec(sys,
                "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/archive/analytics' TENANT = analytics"),
                9081, "HY000", "the content of the format file at the destination does not match");
    }

    @Test
    void destinationFromSysWithoutTenantIs1235() {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/x'"),
                1235, "0A000", "Not supported feature or function");
    }

    @Test
    void userTenantSetsItsOwnDestinationWithoutTenantClause() throws SQLException {
        try (Connection analytics = DemoSql.connect(cluster, "root@analytics")) {
            DemoSql.exec(analytics, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/analytics2'");
            assertThat(DemoSql.one(analytics, "SELECT VALUE FROM DBA_OB_BACKUP_PARAMETER WHERE NAME = 'data_backup_dest'"))
                    .isEqualTo("file:///data/backup/analytics2");
        }
    }

    @Test
    void logArchiveDestReadsBackFromArchiveDestAndIsRefusedWhileArchiving() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/archive/analytics2' TENANT = analytics");
        assertThat(DemoSql.one(sys, "SELECT VALUE FROM CDB_OB_ARCHIVE_DEST WHERE TENANT_ID = 1006 AND NAME = 'path'"))
                .isEqualTo("file:///data/archive/analytics2");
        assertError(() -> DemoSql.exec(sys,
                "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/archive/other' TENANT = mysql_tenant"),
                4179, "HY000", "modify log_archive_dest while log archive is in progress not allowed");
    }

    // ---- archive lifecycle

    @Test
    void archivelogGoesBeginningThenDoingOnTheClockAndLogModeFollows() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM ARCHIVELOG TENANT = analytics");
        assertThat(archiveStatus(1006)).isEqualTo("BEGINNING");
        assertThat(DemoSql.one(sys, "SELECT LOG_MODE FROM DBA_OB_TENANTS WHERE TENANT_ID = 1006")).isEqualTo("ARCHIVELOG");
        clock.advanceSeconds(4);
        assertThat(archiveStatus(1006)).isEqualTo("BEGINNING");
        clock.advanceSeconds(1);
        assertThat(archiveStatus(1006)).isEqualTo("DOING");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM ARCHIVELOG TENANT = analytics"), 9091, "HY000",
                "Already in ARCHIVELOG mode");
    }

    @Test
    void noarchivelogGoesStoppingThenStopAndRepeatingIs9092() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM NOARCHIVELOG TENANT = mysql_tenant");
        assertThat(archiveStatus(1002)).isEqualTo("STOPPING");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM NOARCHIVELOG TENANT = mysql_tenant"), 9092, "HY000",
                "Already in NOARCHIVELOG mode");
        clock.advanceSeconds(3);
        assertThat(archiveStatus(1002)).isEqualTo("STOP");
        assertThat(DemoSql.one(sys, "SELECT LOG_MODE FROM DBA_OB_TENANTS WHERE TENANT_ID = 1002")).isEqualTo("NOARCHIVELOG");
    }

    @Test
    void userTenantSwitchesItsOwnArchive() throws SQLException {
        try (Connection analytics = DemoSql.connect(cluster, "root@analytics")) {
            DemoSql.exec(analytics, "ALTER SYSTEM ARCHIVELOG");
            assertThat(DemoSql.one(analytics, "SELECT STATUS FROM DBA_OB_ARCHIVELOG")).isEqualTo("BEGINNING");
            assertError(() -> DemoSql.exec(analytics, "ALTER SYSTEM NOARCHIVELOG TENANT = analytics"), 1235, "0A000",
                    "Not supported feature or function");
        }
    }

    // ---- delete policy

    @Test
    void deletePolicyIsAddedReadBackAndDropped() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d' TENANT = mysql_tenant");
        List<Map<String, Object>> rows = DemoSql.rows(sys,
                "SELECT TENANT_ID, POLICY_NAME, RECOVERY_WINDOW FROM CDB_OB_BACKUP_DELETE_POLICY");
        assertThat(rows).containsExactly(Map.of("TENANT_ID", "1002", "POLICY_NAME", "default", "RECOVERY_WINDOW", "7d"));
        try (Connection mysql = DemoSql.connect(cluster, "root@mysql_tenant")) {
            assertThat(DemoSql.columns(mysql, "SELECT * FROM DBA_OB_BACKUP_DELETE_POLICY"))
                    .containsExactly("POLICY_NAME", "RECOVERY_WINDOW");
        }
        DemoSql.exec(sys, "ALTER SYSTEM DROP DELETE BACKUP POLICY 'default' TENANT = mysql_tenant");
        assertThat(DemoSql.rows(sys, "SELECT * FROM CDB_OB_BACKUP_DELETE_POLICY")).isEmpty();
    }

    @Test
    void policyNameOtherThanDefaultIs1235() {
        assertError(() -> DemoSql.exec(sys,
                "ALTER SYSTEM ADD DELETE BACKUP POLICY 'weekly' RECOVERY_WINDOW '7d' TENANT = mysql_tenant"), 1235, "0A000",
                "The policy name is not 'default', it is not supported");
    }

    @Test
    void noTenantFromSysIs1235TooLittle() {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d'"), 1235,
                "0A000", "Too little tenant names specified, only one tenant name can be specified not supported");
    }

    @Test
    void severalTenantsFromSysIs1235TooMany() {
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM DROP DELETE BACKUP POLICY 'default' TENANT = mysql_tenant, "
                + "analytics"), 1235, "0A000",
                "Too many tenant names specified, only one tenant name can be specified not supported");
    }

    @Test
    void userTenantAddsItsOwnPolicy() throws SQLException {
        try (Connection oracle = DemoSql.connect(cluster, "root@oracle_tenant")) {
            DemoSql.exec(oracle, "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '30d'");
            assertThat(DemoSql.one(oracle, "SELECT RECOVERY_WINDOW FROM DBA_OB_BACKUP_DELETE_POLICY")).isEqualTo("30d");
        }
    }

    @Test
    void secondAddAndDropOfNothingAreRefused() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d' TENANT = analytics");
        assertError(() -> DemoSql.exec(sys,
                "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '8d' TENANT = analytics"), 4011, "HY000",
                "Entry already exist");
        assertError(() -> DemoSql.exec(sys, "ALTER SYSTEM DROP DELETE BACKUP POLICY 'default' TENANT = oracle_tenant"),
                4018, "HY000", "Entry not exist");
    }

    @Test
    void policyAndDestinationsSurviveARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws SQLException {
        java.nio.file.Path state = dir.resolve("demo.json");
        try (DemoCluster first = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).stateFile(state).build());
                Connection firstSys = DemoSql.connect(first, "root@sys")) {
            DemoSql.exec(firstSys, "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d' TENANT = analytics");
            DemoSql.exec(firstSys, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/kept' TENANT = analytics");
            first.control().putForeignFiles("file:///data/full-of-files");
        }
        try (DemoCluster again = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).stateFile(state).build());
                Connection againSys = DemoSql.connect(again, "root@sys")) {
            assertThat(DemoSql.one(againSys, "SELECT RECOVERY_WINDOW FROM CDB_OB_BACKUP_DELETE_POLICY")).isEqualTo("7d");
            assertError(() -> DemoSql.exec(againSys,
                    "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/kept' TENANT = oracle_tenant"), 9081, "HY000",
                    "the content of the format file at the destination does not match");
            assertError(() -> DemoSql.exec(againSys,
                    "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/full-of-files' TENANT = oracle_tenant"), 9080,
                    "HY000", "the format file does not exist under the destination");
        }
    }

    @Test
    void policyNeedsAlterSystem() throws SQLException {
        try (Connection viewer = DemoSql.connect(cluster, "viewer@mysql_tenant")) {
            assertError(() -> DemoSql.exec(viewer, "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d'"),
                    1227, "42501",
                    "Access denied; you need (at least one of) the ALTER SYSTEM privilege(s) for this operation");
        }
    }
}
