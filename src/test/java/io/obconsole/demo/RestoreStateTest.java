package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pools, restore jobs and tenant roles survive a restart, and a state file written before they existed still loads. */
class RestoreStateTest {

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtDemoEpoch();

    private DemoCluster start(Path state) {
        return DemoCluster.start(DemoConfig.builder().port(0).clock(clock).fullBackupDuration(Duration.ofSeconds(60))
                .stateFile(state).build());
    }

    @Test
    void aStateFileFromBeforeRestoreLoadsWithTheSeededPoolsAndPrimaryTenants() throws Exception {
        Path state = dir.resolve("demo.json");
        try (DemoCluster cluster = start(state)) {
            assertThat(cluster.port()).isPositive();
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode saved = (ObjectNode) json.readTree(state.toFile());
        saved.remove(List.of("units", "pools", "nextUnitConfigId", "nextPoolId", "restoreJobs", "nextRestoreJobId"));
        for (JsonNode tenant : saved.get("tenants")) {
            ((ObjectNode) tenant).remove("tenantRole");
        }
        json.writeValue(state.toFile(), saved);

        try (DemoCluster cluster = start(state); Connection sys = DemoSql.connect(cluster, "root@sys")) {
            assertThat(DemoSql.rows(sys, "SELECT NAME, TENANT_ID FROM DBA_OB_RESOURCE_POOLS ORDER BY RESOURCE_POOL_ID"))
                    .extracting(r -> r.get("NAME") + ":" + r.get("TENANT_ID"))
                    .containsExactly("sys_pool:1", "mysql_tenant_pool:1002", "oracle_tenant_pool:1004", "analytics_pool:1006");
            assertThat(DemoSql.rows(sys, "SELECT DISTINCT TENANT_ROLE FROM DBA_OB_TENANTS"))
                    .extracting(r -> r.get("TENANT_ROLE")).containsExactly("PRIMARY");
            assertThat(DemoSql.one(sys, "SELECT COUNT(*) FROM CDB_OB_RESTORE_PROGRESS")).isEqualTo("0");
        }
    }

    @Test
    void aRunningRestoreGoesOnAfterARestart() throws Exception {
        Path state = dir.resolve("demo.json");
        try (DemoCluster cluster = start(state); Connection sys = DemoSql.connect(cluster, "root@sys")) {
            DemoSql.exec(sys, "CREATE RESOURCE UNIT ru MAX_CPU = 2, MEMORY_SIZE = '8G'");
            DemoSql.exec(sys, "CREATE RESOURCE POOL rp UNIT = 'ru', UNIT_NUM = 1");
            CompletableFuture<Void> restore = CompletableFuture.runAsync(() -> {
                try (Connection own = DemoSql.connect(cluster, "root@sys")) {
                    DemoSql.exec(own, "ALTER SYSTEM RESTORE kept FROM 'file:///data/backup/mysql_tenant,"
                            + "file:///data/archive/mysql_tenant' WITH 'pool_list=rp'");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> "CREATE_TENANT".equals(
                    DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_RESTORE_PROGRESS WHERE TENANT_ID = 1")));
            clock.advanceSeconds(10);
            restore.get(20, TimeUnit.SECONDS);
            clock.advanceSeconds(30);
        }
        try (DemoCluster cluster = start(state); Connection sys = DemoSql.connect(cluster, "root@sys")) {
            assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_RESTORE_PROGRESS WHERE TENANT_ID = 1008"))
                    .isEqualTo("RESTORING");
            assertThat(DemoSql.one(sys, "SELECT TENANT_ID FROM DBA_OB_RESOURCE_POOLS WHERE NAME = 'rp'")).isEqualTo("1008");
            clock.advance(Duration.ofHours(1));
            assertThat(DemoSql.one(sys, "SELECT STATUS FROM CDB_OB_RESTORE_HISTORY WHERE TENANT_ID = 1008")).isEqualTo("SUCCESS");
            assertThat(DemoSql.one(sys, "SELECT TENANT_ROLE FROM DBA_OB_TENANTS WHERE TENANT_NAME = 'kept'")).isEqualTo("STANDBY");
        }
        try (DemoCluster cluster = start(state); Connection sys = DemoSql.connect(cluster, "root@sys")) {
            assertThat(DemoSql.one(sys, "SELECT TENANT_ROLE FROM DBA_OB_TENANTS WHERE TENANT_NAME = 'kept'")).isEqualTo("STANDBY");
        }
    }
}
