package io.obconsole.policy;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.backupsReceived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.access.Permissions;
import io.obconsole.api.ApiFixture;
import io.obconsole.audit.AuditTrail;
import io.obconsole.cluster.BackupType;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two console instances on one console database and one cluster: each scheduled slot starts at
 * most one backup, counted in the BACKUP statements the demo cluster received.
 */
@QuarkusTest
class TwoConsolesTest {

    private static final String MYSQL = "/api/v1/policies/demo/mysql_tenant";

    @Inject
    ClusterGateway gateway;
    @Inject
    AuditTrail audit;
    @Inject
    Permissions permissions;
    @Inject
    PolicyRuns runs;
    @Inject
    NamedSecrets secrets;
    @Inject
    PolicyConfig config;
    @Inject
    PolicyRunner runner;

    @BeforeEach
    void fresh() {
        as("ada").delete(MYSQL);
        ApiFixture.resetCluster();
    }

    @AfterEach
    void putBack() {
        as("ada").delete(MYSQL);
        ApiFixture.resetCluster();
    }

    private static List<Map<String, Object>> recorded() {
        List<Map<String, Object>> all = as("vera").queryParam("limit", 500).get(MYSQL + "/runs").then().statusCode(200)
                .extract().path("");
        return all.stream().filter(r -> r.get("outcome") != null).toList();
    }

    @Test
    void twoClusteredSchedulersFireEachSlotOnceAndStartAtMostOneBackupPerSlot() throws Exception {
        try (SecondConsole second = new SecondConsole(gateway, audit, permissions, runs, secrets, config)) {
            second.startScheduler();
            as("otto").body(Map.of("full", Map.of("cron", "0/2 * * * * ?"))).put(MYSQL).then().statusCode(200);
            int seen = 0;
            // ten slots; whenever one started a backup, let the demo cluster finish it so the next can start
            while (recorded().size() < 10) {
                List<Map<String, Object>> now = await().atMost(Duration.ofSeconds(20)).until(TwoConsolesTest::recorded,
                        r -> r.size() > 0);
                long startedNow = now.stream().filter(r -> "STARTED".equals(r.get("outcome"))).count();
                if (startedNow > seen) {
                    seen = (int) startedNow;
                    Demo.clock().advanceSeconds(300);
                }
                int size = now.size();
                await().atMost(Duration.ofSeconds(20)).until(() -> recorded().size() > size);
            }
            as("otto").post(MYSQL + "/pause").then().statusCode(200);
            List<Map<String, Object>> runs = recorded();
            long started = runs.stream().filter(r -> "STARTED".equals(r.get("outcome"))).count();
            assertThat(runs.stream().map(r -> r.get("slot")).distinct().count()).isEqualTo(runs.size());
            assertThat(started).as("started by the second console: %d", second.started.get()).isGreaterThanOrEqualTo(3);
            assertThat(backupsReceived()).hasSize((int) started);
            // a fire Quartz hands over late on a loaded machine may leave an older slot MISSED; none fails
            assertThat(runs).noneMatch(r -> "FAILED_TO_START".equals(r.get("outcome")));
        }
    }

    @Test
    void whenBothInstancesRunTheSameSlotsAtOnceTheDatabaseLetsOneStartEach() throws Exception {
        long id = ((Number) as("otto").body(Map.of("full", Map.of("cron", "0 0 3 1 1 ?"))).put(MYSQL).then()
                .statusCode(200).extract().path("id")).longValue();
        BackupPolicy policy = runs.policy(id).orElseThrow();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SecondConsole second = new SecondConsole(gateway, audit, permissions, runs, secrets, config)) {
            for (int slot = 1; slot <= 5; slot++) {
                Instant at = base.plusSeconds(slot);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> first = pool.submit(() -> {
                    together.await();
                    runner.run(policy, BackupType.FULL, at);
                    return null;
                });
                Future<?> other = pool.submit(() -> {
                    together.await();
                    second.runner.run(policy, BackupType.FULL, at);
                    return null;
                });
                first.get();
                other.get();
                assertThat(backupsReceived()).as("after slot %d", slot).hasSize(slot);
                Demo.clock().advanceSeconds(300);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(recorded()).hasSize(5).allMatch(r -> "STARTED".equals(r.get("outcome")));
    }
}
