package io.obconsole.alert;

import static io.obconsole.api.ApiFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.obconsole.api.ApiFixture;
import io.obconsole.fleet.ClusterRound;
import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every cluster's first poll ends jobs at once (100 clusters, 100 events): the objective rounds those ends ask for
 * coalesce into at most two, and the objectives still follow the state the fleet read before the last of them.
 */
@QuarkusTest
class JobsEndedRoundsTest {

    private static final String MYSQL_OBJECTIVE = "/api/v1/objectives/demo/mysql_tenant";

    @Inject
    ObjectiveWatch watch;

    @Inject
    Event<ClusterRound> rounds;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void aFreshBackupUnderAnObjectiveOfOneHour() {
        // objectives are evaluated only when a test asks (console.objectives.interval=off)
        ApiFixture.resetCluster();
        watch.round();
        noOwnObjective();
        as("ada").body(Map.of("maxBackupAge", "PT1H")).put(MYSQL_OBJECTIVE).then().statusCode(200);
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(300);
        Demo.fleetRead();
        watch.round();
        assertThat(state()).isEqualTo("OK");
    }

    @AfterEach
    void noOwnObjective() {
        as("ada").delete(MYSQL_OBJECTIVE).then().statusCode(200);
    }

    @Test
    void aBurstOfJobEndsRunsAFewRoundsNotOneEachAndTheyShowTheFleetsLastRead() throws Exception {
        // two hours on, the fleet reads the cluster again: nothing ended, so no round has judged the older backup yet
        Demo.clock().advance(Duration.ofHours(2));
        Demo.fleetRead();
        assertThat(state()).isEqualTo("OK");
        double before = rounds();

        // as a round that found the cluster answering again announces it (one that found jobs ended does the same)
        List<CompletableFuture<ClusterRound>> burst = IntStream.range(0, 50)
                .mapToObj(i -> rounds.fireAsync(ClusterRound.reach("demo", ClusterRound.Reach.BACK)).toCompletableFuture()).toList();
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        // two when every event arrives while the first round runs (RoundRequestsTest pins that without timing);
        // a loaded machine may deliver the burst in a few waves, each coalesced: a few rounds, never one per event
        assertThat(rounds() - before).isBetween(1.0, 10.0);
        assertThat(state()).isEqualTo("BREACHED");
    }

    private double rounds() {
        return registry.get("obconsole.objective.rounds").counter().count();
    }

    private static String state() {
        return as("otto").get(MYSQL_OBJECTIVE).then().statusCode(200).extract().path("state");
    }
}
