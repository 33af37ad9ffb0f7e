package io.obconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The set-up statements the dialect writes from sys and inside a tenant, and the destinations it lets into them. */
class SetupStatementsTest {

    private final ObDialect sys = new ObDialect("demo", ClusterMode.SYS, ObVersion.parse("4.2.1.0"));
    private final ObDialect tenant = new ObDialect("demo", ClusterMode.TENANT, ObVersion.parse("4.2.1.0"));
    private final TenantName analytics = sys.tenant("analytics", Set.of("analytics"));

    @Test
    void fromSysEveryStatementNamesTheTenant() {
        BackupDestination dest = BackupDestination.of("file:///data/backup/analytics");
        assertThat(sys.setDataBackupDest(analytics, dest).sql())
                .isEqualTo("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/analytics' TENANT = analytics");
        assertThat(sys.setLogArchiveDest(analytics, BackupDestination.of("file:///data/archive/analytics")).sql())
                .isEqualTo("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/archive/analytics' TENANT = analytics");
        assertThat(sys.archivelog(analytics).sql()).isEqualTo("ALTER SYSTEM ARCHIVELOG TENANT = analytics");
        assertThat(sys.noarchivelog(analytics).sql()).isEqualTo("ALTER SYSTEM NOARCHIVELOG TENANT = analytics");
        assertThat(sys.addDeletePolicy(analytics, RecoveryWindow.parse("7")).sql())
                .isEqualTo("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d' TENANT = analytics");
        assertThat(sys.dropDeletePolicy(analytics).sql())
                .isEqualTo("ALTER SYSTEM DROP DELETE BACKUP POLICY 'default' TENANT = analytics");
    }

    @Test
    void insideATenantNoStatementNamesOne() {
        TenantName own = tenant.tenant("analytics", Set.of("analytics"));
        assertThat(tenant.archivelog(own).sql()).isEqualTo("ALTER SYSTEM ARCHIVELOG");
        assertThat(tenant.addDeletePolicy(own, RecoveryWindow.parse("30d")).sql())
                .isEqualTo("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '30d'");
        assertThat(tenant.setDataBackupDest(own, BackupDestination.of("file:///b")).sql())
                .isEqualTo("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///b'");
        assertThat(tenant.archiveDestinations()).isEqualTo("SELECT VALUE FROM oceanbase.DBA_OB_ARCHIVE_DEST WHERE NAME = 'path'");
        assertThat(sys.deletePolicies()).isEqualTo("SELECT TENANT_ID, RECOVERY_WINDOW FROM "
                + "oceanbase.CDB_OB_BACKUP_DELETE_POLICY WHERE POLICY_NAME = 'default'");
    }

    @Test
    void anAccessKeyIsSentButShownAndLoggedMasked() {
        BackupDestination dest = BackupDestination.of("s3://bucket/a?host=s3.eu-west-1.amazonaws.com&access_id=AK"
                + "&access_key=S3cr3t&s3_region=eu-west-1");
        ObStatement statement = sys.setDataBackupDest(analytics, dest);
        assertThat(statement.sql()).contains("access_key=S3cr3t");
        assertThat(statement.redacted()).contains("access_key=***&s3_region=eu-west-1").doesNotContain("S3cr3t");
        assertThat(statement.toString()).doesNotContain("S3cr3t");
        assertThat(statement.secret()).isTrue();
        assertThat(dest.toString()).isEqualTo(dest.masked()).doesNotContain("S3cr3t");
        assertThat(BackupDestination.mask("oss://b?host=h&access_id=1&encrypt_key=9B6F&delete_mode=tagging"))
                .isEqualTo("oss://b?host=h&access_id=1&encrypt_key=***&delete_mode=tagging");
    }

    @Test
    void onlyDestinationsOceanBaseCanUseGetIn() {
        for (String bad : new String[] {"", "ftp://host/x", "/data/backup", "file://", "file:///a b", "file:///a'b",
            "oss://bucket/x", "oss://bucket/x?host=h&access_id=a", "cos://b/x?access_id=a&access_key=k",
            "file:///a?x=1", "file:///" + "a".repeat(BackupDestination.MAX_LENGTH)}) {
            assertThatThrownBy(() -> BackupDestination.of(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
        }
        assertThatThrownBy(() -> BackupDestination.of("oss://b/x?access_id=a&access_key=TopSecret"))
                .hasMessageNotContaining("TopSecret");
        assertThat(BackupDestination.of("cos://b/x?host=h&access_id=a&access_key=k&appid=1").hasCredentials()).isTrue();
        assertThat(BackupDestination.of("file:///data/backup").hasCredentials()).isFalse();
    }

    @Test
    void recoveryWindowIsWholeDays() {
        assertThat(RecoveryWindow.parse(" 14D ").text()).isEqualTo("14d");
        for (String bad : new String[] {"0", "7h", "-1", "a week", "", "99999"}) {
            assertThatThrownBy(() -> RecoveryWindow.parse(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
        }
    }
}
