package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator at the real mariadb CLI: signs in to sys, starts a backup, reads the jobs, meets 9040. */
class MariadbCliOperatorTest {

    private ManualClock clock;
    private DemoCluster cluster;

    @BeforeEach
    void start() {
        MariadbCli.requireInstalled();
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).build());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private MariadbCli.Run mariadb(String sql) throws IOException, InterruptedException {
        return MariadbCli.run(cluster, sql);
    }

    @Test
    void operatorStartsBackupAndReadsTheJobs() throws Exception {
        MariadbCli.Run backup = mariadb("ALTER SYSTEM BACKUP TENANT = mysql_tenant;");
        assertThat(backup.exit()).as(backup.err()).isZero();
        clock.advance(Duration.ofSeconds(10));
        MariadbCli.Run jobs = mariadb("SELECT TENANT_ID, JOB_LEVEL, STATUS FROM CDB_OB_BACKUP_JOBS ORDER BY TENANT_ID");
        assertThat(jobs.exit()).as(jobs.err()).isZero();
        assertThat(List.of(jobs.out().split("\n"))).containsExactly("TENANT_ID\tJOB_LEVEL\tSTATUS",
                "1\tCLUSTER\tDOING", "1002\tUSER_TENANT\tDOING");
    }

    /** OceanBase resolves the tenant list before it looks at running jobs: a bad name is refused as such. */
    @Test
    void withASysBackupOpenABadTenantListIsRefusedForItsNamesAndAGoodOneFor9036() throws Exception {
        MariadbCli.Run backup = mariadb("ALTER SYSTEM BACKUP TENANT = mysql_tenant;");
        assertThat(backup.exit()).as(backup.err()).isZero();

        MariadbCli.Run allUser = mariadb("ALTER SYSTEM BACKUP TENANT = all_user");
        assertThat(allUser.exit()).isNotZero();
        assertThat(allUser.err()).contains("ERROR 5160 (HY000)").contains("invalid tenant name specified in connection string");
        MariadbCli.Run unknown = mariadb("ALTER SYSTEM BACKUP TENANT = oracle_tenant, no_such_tenant");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("ERROR 5160 (HY000)");
        MariadbCli.Run sys = mariadb("ALTER SYSTEM BACKUP TENANT = sys");
        assertThat(sys.exit()).isNotZero();
        assertThat(sys.err()).contains("ERROR 4016 (HY000)").contains("Internal error");

        MariadbCli.Run busy = mariadb("ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        assertThat(busy.exit()).isNotZero();
        assertThat(busy.err()).contains("ERROR 9036 (HY000)").contains("Backup is in progress");
        MariadbCli.Run jobs = mariadb("SELECT COUNT(*) FROM CDB_OB_BACKUP_JOBS WHERE JOB_LEVEL = 'CLUSTER'");
        assertThat(jobs.out().lines()).containsExactly("COUNT(*)", "1");
    }

    @Test
    void operatorSees9040ForAnalytics() throws Exception {
        MariadbCli.Run refused = mariadb("ALTER SYSTEM BACKUP TENANT = analytics");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains(
                "ERROR 9040 (HY000)", "backup can not start, because log archive status is not doing.");
    }
}
