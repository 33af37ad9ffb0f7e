package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A generated fleet (3 clusters × 5 tenants) beside the four: each generated cluster is a demo
 * cluster of its own, read over JDBC as the console reads it, with its tenants ready and backed
 * up and every fifth tenant in the middle of a long full backup.
 */
class GeneratedFleetTest {

    private final ManualClock clock = ManualClock.startingAtDemoEpoch();
    private DemoFleet fleet;

    @BeforeEach
    void start() {
        List<DemoFleet.Member> members = new DemoFleet.Generated(3, 5, 3400).members(2881);
        fleet = DemoFleet.start(members, member -> member.configure(0).port(0).clock(clock).build());
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void theFourComeFirstThenTheGeneratedClustersEachOnItsOwnPort() {
        assertThat(fleet.members()).extracting(DemoFleet.Member::name)
                .containsExactly("demo", "legacy", "payroll", "dr", "fleet-001", "fleet-002", "fleet-003");
        assertThat(new DemoFleet.Generated(3, 5, 3400).members(2881)).filteredOn(DemoFleet.Member::generated)
                .extracting(member -> 2881 + member.portOffset()).containsExactly(3400, 3401, 3402);
        assertThat(fleet.clusters()).extracting(DemoCluster::port).doesNotHaveDuplicates();
    }

    @Test
    void aGeneratedClusterHasItsUserTenantsReadyWithAFullBackup() throws Exception {
        try (Connection sys = DemoSql.connect(fleet.cluster("fleet-002"), "root@sys")) {
            assertThat(DemoSql.rows(sys, "SELECT TENANT_NAME FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_TYPE = 'USER' "
                    + "ORDER BY TENANT_ID")).extracting(row -> row.get("TENANT_NAME"))
                    .containsExactly("tenant_01", "tenant_02", "tenant_03", "tenant_04", "tenant_05");
            assertThat(DemoSql.rows(sys, "SELECT TENANT_ID, STATUS FROM oceanbase.CDB_OB_ARCHIVELOG"))
                    .hasSize(5).allSatisfy(row -> assertThat(row.get("STATUS")).isEqualTo("DOING"));
            assertThat(DemoSql.rows(sys, "SELECT TENANT_ID FROM oceanbase.CDB_OB_BACKUP_SET_FILES "
                    + "WHERE STATUS = 'SUCCESS' AND BACKUP_TYPE = 'FULL'")).hasSize(5);
        }
    }

    @Test
    void everyFifthTenantRunsALongFullBackupThatMovesWithTheClock() throws Exception {
        try (Connection sys = DemoSql.connect(fleet.cluster("fleet-003"), "root@sys")) {
            String running = "SELECT TENANT_ID, STATUS, BACKUP_TYPE FROM oceanbase.CDB_OB_BACKUP_JOBS "
                    + "WHERE JOB_LEVEL = 'USER_TENANT'";
            List<Map<String, Object>> jobs = DemoSql.rows(sys, running);
            assertThat(jobs).hasSize(1);
            assertThat(jobs.get(0)).containsEntry("TENANT_ID", "1002").containsEntry("STATUS", "DOING")
                    .containsEntry("BACKUP_TYPE", "FULL");
            String done = "SELECT FINISH_MACRO_BLOCK_COUNT FROM oceanbase.CDB_OB_BACKUP_TASKS WHERE TENANT_ID = 1002";
            long before = Long.parseLong(DemoSql.one(sys, done));
            assertThat(before).as("an hour into a twelve-hour backup it copies data").isPositive();
            clock.advance(Duration.ofHours(1));
            assertThat(Long.parseLong(DemoSql.one(sys, done))).isGreaterThan(before);
            assertThat(DemoSql.rows(sys, running)).extracting(row -> row.get("STATUS")).containsExactly("DOING");
        }
    }

    @Test
    void aFleetOutsideWhatTheConsoleCanNameIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new DemoFleet.Generated(-1, 20, 3400)).hasMessageContaining("0 to 999 clusters");
        assertThatThrownBy(() -> new DemoFleet.Generated(2, 0, 3400)).hasMessageContaining("1 to 99 user tenants");
        assertThatThrownBy(() -> new DemoFleet.Generated(100, 20, 65500)).hasMessageContaining("65500 to 65599");
    }
}
