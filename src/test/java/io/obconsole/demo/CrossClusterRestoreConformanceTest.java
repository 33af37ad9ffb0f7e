package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo fleet's clusters share one backup storage, and the 4.3.2 cluster {@code dr} previews
 * restores as OceanBase does (ob-restore-spec 1.2, 3 "cross-cluster"): through the real mariadb
 * CLI signed in as root@sys, a tenant backed up on {@code demo} is previewed and restored on
 * {@code dr} from its destination URIs; the versions without PREVIEW refuse it.
 */
class CrossClusterRestoreConformanceTest {

    private static final String URIS = "'file:///data/backup/mysql_tenant,file:///data/archive/mysql_tenant'";

    private ManualClock clock;
    private DemoFleet fleet;
    private DemoCluster single;

    @BeforeEach
    void start() {
        MariadbCli.requireInstalled();
        clock = ManualClock.startingAtDemoEpoch();
        fleet = DemoFleet.start(member -> member.configure(0).port(0).clock(clock)
                .fullBackupDuration(Duration.ofSeconds(60)).build());
    }

    @AfterEach
    void stop() {
        fleet.close();
        if (single != null) {
            single.close();
        }
    }

    private static List<String[]> rows(DemoCluster cluster, String sql) throws IOException, InterruptedException {
        MariadbCli.Run run = MariadbCli.run(cluster, sql);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out().lines().skip(1).map(line -> line.split("\t", -1)).toList();
    }

    private static void ok(DemoCluster cluster, String sql) throws IOException, InterruptedException {
        MariadbCli.Run run = MariadbCli.run(cluster, sql);
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private static void refused(DemoCluster cluster, String sql, String error, String text)
            throws IOException, InterruptedException {
        MariadbCli.Run run = MariadbCli.run(cluster, sql);
        assertThat(run.exit()).as(run.out()).isNotZero();
        assertThat(run.err()).contains(error).contains(text);
    }

    private DemoCluster dr() {
        return fleet.cluster("dr");
    }

    @Test
    void drIsA432ClusterWithNoUserTenantAndFreeCapacity() throws Exception {
        assertThat(rows(dr(), "SELECT VERSION()").get(0)[0]).contains("4.3.2.0");
        assertThat(rows(dr(), "SELECT TENANT_NAME FROM DBA_OB_TENANTS WHERE TENANT_TYPE = 'USER'")).isEmpty();
        // the servers hold sys only: a pool sized like mysql_tenant's fits
        ok(dr(), "CREATE RESOURCE UNIT big_unit MAX_CPU = 8, MEMORY_SIZE = '32G'; "
                + "CREATE RESOURCE POOL big_pool UNIT = 'big_unit', UNIT_NUM = 1");
    }

    @Test
    void previewListsTheSetsAndPiecesARestoreToThePointWouldUseReadFromAnotherClustersBackup() throws Exception {
        List<String[]> preview = rows(dr(), "ALTER SYSTEM RESTORE FROM " + URIS + " UNTIL TIME='2024-05-20 09:00:00' PREVIEW; "
                + "SHOW RESTORE PREVIEW");

        assertThat(preview).extracting(r -> r[0] + ":" + r[1] + ":" + r[2]).containsExactly(
                "BACKUP_SET:1:file:///data/backup/mysql_tenant/backup_set_1_full",
                "BACKUP_PIECE:3:file:///data/archive/mysql_tenant/piece_d1001r1p3");
        assertThat(preview.get(1)[3]).matches("start_scn_display: 20240519T\\d{6}, checkpoint_scn_display: 20240520T\\d{6}\\.");
        assertThat(preview.get(0)[3]).startsWith("backup_type: FULL, min_restore_scn_display: 20240519T1441");
        // the column names of SHOW RESTORE PREVIEW
        MariadbCli.Run run = MariadbCli.run(dr(), "ALTER SYSTEM RESTORE FROM " + URIS + " UNTIL SCN=1716195600000000000 "
                + "PREVIEW; SHOW RESTORE PREVIEW");
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo("backup_type\tbackup_id\tbackup_dest\tdescription");
    }

    @Test
    void previewRefusesAsOceanBaseDoes() throws Exception {
        refused(dr(), "SHOW RESTORE PREVIEW", "ERROR 1235 (0A000)",
                "show restore preview before ALTER SYSTEM RESTORE PREVIEW is not supported");
        // UNTIL is part of PREVIEW's syntax
        refused(dr(), "ALTER SYSTEM RESTORE FROM " + URIS + " PREVIEW", "ERROR 1064 (42000)", "PREVIEW");
        refused(dr(), "ALTER SYSTEM RESTORE FROM " + URIS + " UNTIL SCN=0 PREVIEW", "ERROR 1210 (HY000)",
                "Incorrect arguments to until scn, it should be positive integer");
        // a point past the archive: the refusal the RESTORE would get, when the preview is listed
        refused(dr(), "ALTER SYSTEM RESTORE FROM " + URIS + " UNTIL TIME='2024-05-20 11:00:00' PREVIEW; SHOW RESTORE PREVIEW",
                "ERROR 9119 (HY000)", "no enough log, maximum restorable time is 2024-05-20 09:59:58.123456");
        refused(dr(), "ALTER SYSTEM RESTORE FROM 'ftp://x/y' UNTIL SCN=1 PREVIEW; SHOW RESTORE PREVIEW",
                "ERROR 9026 (HY000)", "ftp://x/y is not a valid uri");
        // listed once: the preview is gone from the session
        refused(dr(), "ALTER SYSTEM RESTORE FROM " + URIS + " UNTIL TIME='2024-05-20 09:00:00' PREVIEW; SHOW RESTORE PREVIEW; "
                + "SHOW RESTORE PREVIEW", "ERROR 1235 (0A000)", "show restore preview before ALTER SYSTEM RESTORE PREVIEW");
    }

    @Test
    void versionsWithoutPreviewRefuseItWith1235() throws Exception {
        String preview = "ALTER SYSTEM RESTORE FROM " + URIS + " UNTIL TIME='2024-05-20 09:00:00' PREVIEW";
        // the fleet's 4.2.1 and 4.2.0 clusters
        refused(fleet.cluster("demo"), preview, "ERROR 1235 (0A000)", "restore preview is not support now");
        refused(fleet.cluster("legacy"), preview, "ERROR 1235 (0A000)", "restore preview is not support now");
        for (String version : List.of("4.2.2.0", "4.3.0.0", "4.3.1.0")) {
            startSingle(version);
            refused(single, preview, "ERROR 1235 (0A000)", "restore preview is not support now");
        }
        for (String version : List.of("4.2.3.0", "4.3.2.0", "4.3.3.0")) {
            startSingle(version);
            assertThat(rows(single, preview + "; SHOW RESTORE PREVIEW")).extracting(r -> r[0])
                    .containsExactly("BACKUP_SET", "BACKUP_PIECE");
        }
    }

    private void startSingle(String version) {
        if (single != null) {
            single.close();
        }
        single = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).version(version).build());
    }

    /**
     * An administrator at dr's terminal makes {@code <name>_unit} and {@code <name>_pool} and restores
     * mysql_tenant from its URIs as {@code name}; the statement answers once the tenant exists.
     */
    private void restoreOnDr(String name) throws Exception {
        ok(dr(), "CREATE RESOURCE UNIT " + name + "_unit MAX_CPU = 2, MEMORY_SIZE = '8G'; "
                + "CREATE RESOURCE POOL " + name + "_pool UNIT = '" + name + "_unit', UNIT_NUM = 1");
        CompletableFuture<MariadbCli.Run> sent = CompletableFuture.supplyAsync(() -> {
            try {
                return MariadbCli.run(dr(), "ALTER SYSTEM RESTORE " + name + " FROM " + URIS
                        + " UNTIL TIME='2024-05-20 09:00:00' WITH 'pool_list=" + name + "_pool'");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> !rows(dr(), "SELECT STATUS FROM CDB_OB_RESTORE_PROGRESS "
                + "WHERE TENANT_ID = 1").isEmpty());
        clock.advance(Duration.ofSeconds(10));
        MariadbCli.Run run = sent.get(20, TimeUnit.SECONDS);
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void aTenantBackedUpOnDemoIsRestoredOnDrFromItsDestinationUris() throws Exception {
        restoreOnDr("copy");

        String[] job = rows(dr(), "SELECT BACKUP_TENANT_NAME, BACKUP_TENANT_ID, BACKUP_SET_LIST, BACKUP_PIECE_LIST, "
                + "TOTAL_BYTES FROM CDB_OB_RESTORE_PROGRESS WHERE RESTORE_TENANT_NAME = 'copy' AND TENANT_ID <> 1").get(0);
        assertThat(job).containsExactly("mysql_tenant", "1002", "file:///data/backup/mysql_tenant/backup_set_1_full",
                "file:///data/archive/mysql_tenant/piece_d1001r1p3", "51539607552");
        clock.advance(Duration.ofMinutes(10));
        assertThat(rows(dr(), "SELECT TENANT_NAME, STATUS, TENANT_ROLE, COMPATIBILITY_MODE FROM DBA_OB_TENANTS "
                + "WHERE TENANT_TYPE = 'USER'")).extracting(r -> String.join(":", r))
                .containsExactly("copy:NORMAL:STANDBY:MYSQL");
        assertThat(rows(dr(), "SELECT STATUS FROM CDB_OB_RESTORE_HISTORY WHERE TENANT_ID = 1")).extracting(r -> r[0])
                .containsExactly("SUCCESS");
        // demo itself knows nothing of it
        assertThat(rows(fleet.cluster("demo"), "SELECT COUNT(*) FROM DBA_OB_TENANTS WHERE TENANT_NAME = 'copy'").get(0)[0])
                .isEqualTo("0");
        // one storage: mysql_tenant's destination holds demo's format file, so it is another tenant's for dr's copy
        refused(dr(), "ALTER SYSTEM SET data_backup_dest = 'file:///data/backup/mysql_tenant' TENANT = copy",
                "ERROR 9081 (HY000)", "");
    }

    @Test
    void aTenantRestoredOnAClusterWithoutUserTenantsGetsAUserTenantsIdAndForgettingItKeepsSys() throws Exception {
        restoreOnDr("first");

        // as OceanBase numbers them: the first user tenant 1002, its META 1001; sys stays 1
        assertThat(rows(dr(), "SELECT TENANT_ID, TENANT_NAME FROM DBA_OB_TENANTS ORDER BY TENANT_ID"))
                .extracting(r -> r[0] + ":" + r[1]).containsExactly("1:sys", "1001:META$1002", "1002:first");
        dr().control().forgetRestores();
        assertThat(rows(dr(), "SELECT TENANT_ID, TENANT_NAME FROM DBA_OB_TENANTS")).extracting(r -> r[0] + ":" + r[1])
                .containsExactly("1:sys");
    }

    @Test
    void aClusterOnItsOwnHasAStorageOfItsOwn() throws Exception {
        startSingle("4.3.2.0");
        // what the fleet's demo wrote is not on a cluster that does not share its storage... except that a
        // single cluster seeds mysql_tenant itself; a backup of erp (legacy's) is unknown there
        refused(single, "ALTER SYSTEM RESTORE FROM 'file:///data/backup/erp,file:///data/archive/erp' "
                + "UNTIL TIME='2024-05-20 09:00:00' PREVIEW; SHOW RESTORE PREVIEW", "ERROR 9080 (HY000)", "");
        assertThat(rows(dr(), "ALTER SYSTEM RESTORE FROM 'file:///data/backup/erp,file:///data/archive/erp' "
                + "UNTIL TIME='2024-05-20 09:00:00' PREVIEW; SHOW RESTORE PREVIEW")).extracting(r -> r[0])
                .startsWith("BACKUP_SET");
    }
}
