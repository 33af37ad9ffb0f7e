package io.obconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every statement form the console sends, by mode and version, and what no input can smuggle into one. */
class ObDialectTest {

    private static final Set<String> LISTED = Set.of("mysql_tenant", "oracle_tenant", "analytics");

    private final ObDialect sys = new ObDialect("demo", ClusterMode.SYS, ObVersion.parse("4.2.1.0"));
    private final ObDialect old = new ObDialect("demo", ClusterMode.SYS, ObVersion.parse("4.2.0.0"));
    private final ObDialect tenant = new ObDialect("demo", ClusterMode.TENANT, ObVersion.parse("4.2.1.0"));

    private List<TenantName> names(String... names) {
        return java.util.Arrays.stream(names).map(n -> sys.tenant(n, LISTED)).toList();
    }

    @Test
    void fullBackupOfListedTenants() {
        assertThat(sys.backup(false, names("mysql_tenant", "oracle_tenant"), false, null).sql())
                .isEqualTo("ALTER SYSTEM BACKUP TENANT = mysql_tenant, oracle_tenant");
    }

    @Test
    void fullBackupOfEveryTenantIsDatabaseForm() {
        assertThat(sys.backup(false, List.of(), true, null).sql()).isEqualTo("ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG");
    }

    @Test
    void incrementalWithDescription() {
        assertThat(sys.backup(true, names("mysql_tenant"), false, "nightly").sql())
                .isEqualTo("ALTER SYSTEM BACKUP INCREMENTAL TENANT = mysql_tenant DESCRIPTION = 'nightly'");
    }

    @Test
    void incrementalPlusArchivelogIsRefusedBecauseTheGrammarHasNoSuchForm() {
        assertThatThrownBy(() -> sys.backup(true, List.of(), true, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenantModeUsesDatabaseFormsAndNoTenantClause() {
        List<TenantName> own = List.of(tenant.tenant("mysql_tenant", Set.of("mysql_tenant")));
        assertThat(tenant.backup(false, own, true, null).sql()).isEqualTo("ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG");
        assertThat(tenant.cancel(own).sql()).isEqualTo("ALTER SYSTEM CANCEL BACKUP");
        assertThat(tenant.setThreadScore(8, own.get(0)).sql()).isEqualTo("ALTER SYSTEM SET ha_low_thread_score = 8");
    }

    @Test
    void progressReadsTasksWithOrWithoutRetriesAndTheHistoryFromAClusterTimestamp() {
        assertThat(sys.runningTasks(true)).startsWith("SELECT TENANT_ID, JOB_ID, TASK_ID").contains(", RETRY_ID FROM "
                + "oceanbase.CDB_OB_BACKUP_TASKS");
        assertThat(tenant.runningTasks(false)).startsWith("SELECT JOB_ID, ").doesNotContain("RETRY_ID")
                .contains("oceanbase.DBA_OB_BACKUP_TASKS");
        assertThat(sys.jobsEndedSince(java.time.LocalDateTime.of(2026, 11, 21, 10, 0, 1, 500_000), 50))
                .contains("FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY WHERE JOB_LEVEL = 'USER_TENANT'")
                .endsWith("AND END_TIMESTAMP >= '2026-11-21 10:00:01.000500' ORDER BY END_TIMESTAMP LIMIT 50");
        assertThat(tenant.jobsEndedSince(null, 0)).contains("oceanbase.DBA_OB_BACKUP_JOB_HISTORY")
                .endsWith("ORDER BY END_TIMESTAMP DESC LIMIT 1");
    }

    @Test
    void tenantModeReadsDbaViewsWithoutTenantId() {
        assertThat(tenant.runningJobs()).contains("oceanbase.DBA_OB_BACKUP_JOBS").doesNotContain("SELECT TENANT_ID");
        assertThat(sys.runningJobs()).contains("oceanbase.CDB_OB_BACKUP_JOBS").startsWith("SELECT TENANT_ID, ");
    }

    @Test
    void backupSetsOfOneTenantBindItsIdFromSysAndReadTheOwnViewInsideATenant() {
        assertThat(sys.tenantBackupSets(30)).startsWith("SELECT TENANT_ID, BACKUP_SET_ID, ")
                .contains("FROM oceanbase.CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = ? ORDER BY BACKUP_SET_ID DESC LIMIT 30");
        assertThat(sys.bindsTenantId()).isTrue();
        assertThat(tenant.tenantBackupSets(30)).startsWith("SELECT BACKUP_SET_ID, ")
                .endsWith("FROM oceanbase.DBA_OB_BACKUP_SET_FILES ORDER BY BACKUP_SET_ID DESC LIMIT 30");
        assertThat(tenant.bindsTenantId()).isFalse();
    }

    @Test
    void cancelForms() {
        assertThat(sys.cancel(List.of()).sql()).isEqualTo("ALTER SYSTEM CANCEL BACKUP");
        assertThat(sys.cancel(names("analytics", "mysql_tenant")).sql())
                .isEqualTo("ALTER SYSTEM CANCEL BACKUP TENANT = analytics, mysql_tenant");
    }

    @Test
    void threadScoreForEveryTenantSaysAllUserFrom421AndAllBefore() {
        assertThat(sys.setThreadScore(10, null).sql()).isEqualTo("ALTER SYSTEM SET ha_low_thread_score = 10 TENANT = all_user");
        assertThat(old.setThreadScore(10, null).sql()).isEqualTo("ALTER SYSTEM SET ha_low_thread_score = 10 TENANT = all");
        assertThat(sys.setThreadScore(0, names("oracle_tenant").get(0)).sql())
                .isEqualTo("ALTER SYSTEM SET ha_low_thread_score = 0 TENANT = oracle_tenant");
    }

    @Test
    void concurrencyOfEveryUserTenantNeverTouchesSysOrMetaBefore421() {
        assertThat(sys.setThreadScoreOfEveryUserTenant(7, names("mysql_tenant", "oracle_tenant"))).extracting(ObStatement::sql)
                .containsExactly("ALTER SYSTEM SET ha_low_thread_score = 7 TENANT = all_user");
        // before 4.2.1 "all" is every tenant, sys and META included: name the user tenants instead
        assertThat(old.setThreadScoreOfEveryUserTenant(7, names("mysql_tenant", "oracle_tenant"))).extracting(ObStatement::sql)
                .containsExactly("ALTER SYSTEM SET ha_low_thread_score = 7 TENANT = mysql_tenant",
                        "ALTER SYSTEM SET ha_low_thread_score = 7 TENANT = oracle_tenant");
        assertThat(tenant.setThreadScoreOfEveryUserTenant(7, names("mysql_tenant"))).extracting(ObStatement::sql)
                .containsExactly("ALTER SYSTEM SET ha_low_thread_score = 7");
    }

    @Test
    void openSysJobsAreReadFromTheSysTenantsClusterRowsInSysModeOnly() {
        assertThat(sys.openSysJobs()).contains("CDB_OB_BACKUP_JOBS", "TENANT_ID = 1", "JOB_LEVEL = 'CLUSTER'");
        org.assertj.core.api.Assertions.assertThatThrownBy(tenant::openSysJobs).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void threadScoreOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> sys.setThreadScore(101, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sys.setThreadScore(-1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptionPasswordIsQuotedAndRedacted() {
        ObStatement statement = sys.setEncryption("it's a \\secret".toCharArray());
        assertThat(statement.sql()).isEqualTo("SET ENCRYPTION ON IDENTIFIED BY 'it''s a \\\\secret' ONLY");
        assertThat(statement.redacted()).isEqualTo("SET ENCRYPTION ON IDENTIFIED BY '***' ONLY");
        assertThat(statement.toString()).doesNotContain("secret");
        assertThat(statement.secret()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql_tenant; DROP TABLE x", "mysql_tenant'", "`mysql_tenant`", "mysql_tenant -- x",
        "mysql_tenant/*x*/", "a b", "", "1tenant", "mysql_tenant,analytics"})
    void malformedTenantNamesAreRefused(String name) {
        assertThatThrownBy(() -> sys.tenant(name, LISTED)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void wellFormedButUnlistedTenantIsUnknown() {
        assertThatThrownBy(() -> sys.tenant("sys", LISTED)).isInstanceOf(UnknownTenantException.class)
                .hasMessageContaining("no user tenant named 'sys'");
    }

    @Test
    void descriptionWithQuotesBackslashesAndStatementsIsOneStringLiteral() {
        assertThat(sys.backup(false, List.of(), false, "x'; DROP TABLE t; -- \\' /*").sql())
                .isEqualTo("ALTER SYSTEM BACKUP DATABASE DESCRIPTION = 'x''; DROP TABLE t; -- \\\\'' /*'");
    }

    @Test
    void descriptionWithLineBreakIsRefused() {
        assertThatThrownBy(() -> sys.backup(false, List.of(), false, "a\nb")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void versionsCompareByNumber() {
        assertThat(ObVersion.parse("4.2.10.0").atLeast("4.2.1")).isTrue();
        assertThat(ObVersion.parse("4.1.0.2").atLeast("4.2.1")).isFalse();
    }
}
