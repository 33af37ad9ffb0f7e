package io.obconsole.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.cluster.BackupJob;
import io.obconsole.demo.DemoControl;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.JobKey;
import io.obconsole.fleet.JobStatus;
import io.obconsole.fleet.Progress;
import java.time.LocalDateTime;
import io.obconsole.testing.Demo;
import io.obconsole.testing.Tokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What many watchers cost the cluster (nothing more) and what a watcher that stops reading costs
 * the others (nothing). The scheduled tick is paused so that the test decides when a round runs
 * and nothing else reaches the cluster or the hub meanwhile.
 */
@QuarkusTest
class ProgressFanOutTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ProgressPoller poller;

    @Inject
    ProgressHub hub;

    @Inject
    Scheduler scheduler;

    private final List<ProgressClient> clients = new ArrayList<>();

    @BeforeEach
    void pauseTheTick() throws Exception {
        DemoBackups.finishAll();
        scheduler.pause(ProgressPoller.TICK);
        round(); // a round already under way ends before this one, so from here on only the test's rounds run
    }

    @AfterEach
    void resumeTheTick() throws Exception {
        clients.forEach(ProgressClient::close);
        scheduler.resume(ProgressPoller.TICK);
        round();
    }

    @Test
    void theClusterReceivesTheSameStatementsPerRoundWithOneAndWithFiftyWatchers() throws Exception {
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(10); // past INIT: from here each round sees the counters move (a FULL takes 60 s)
        round(); // the round that first sees the job reads the cluster's state with it; the rounds counted below do not
        List<String> tokens = List.of(Tokens.accessToken("ada"), Tokens.accessToken("otto"), Tokens.accessToken("vera"));
        clients.add(ProgressClient.connect(tokens.get(0), null));
        List<String> withOne = statementsOfThreeRounds();
        for (int i = 1; i < 50; i++) {
            clients.add(ProgressClient.connect(tokens.get(i % tokens.size()), null));
        }
        awaitEveryClient("its snapshot", c -> !c.messages.isEmpty());
        List<String> withFifty = statementsOfThreeRounds();

        // a round from sys: clock, tenants, tasks, running and ended jobs, running and ended restores
        assertThat(withOne).hasSize(3 * 7);
        assertThat(withFifty).isEqualTo(withOne);
        // and every one of the fifty was told of each round's progress
        awaitEveryClient("three deltas", c -> c.types().stream().filter("delta"::equals).count() >= 3);
    }

    /**
     * Waits until every client got what {@code got} says; if one did not, says which, whether its socket
     * closed, and what the hub holds for each socket (a flake once in many CI runs left one client without
     * its snapshot: the next one explains itself).
     */
    private void awaitEveryClient(String what, java.util.function.Predicate<ProgressClient> got) {
        try {
            await().atMost(WAIT).until(() -> clients.stream().allMatch(got));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                ProgressClient c = clients.get(i);
                if (!got.test(c)) {
                    missing.add("client " + i + " (" + c.messages.size() + " messages, " + (c.isClosed() ? "closed" : "open") + ")");
                }
            }
            throw new AssertionError("not every client got " + what + ": " + missing + "; the hub's sockets: "
                    + hub.watchers().stream().map(Watcher::toString).sorted().toList(), e);
        }
    }

    @Test
    void aBackupStartedThroughTheConsoleReachesItsWatchersWithoutWaitingForTheNextScheduledRound() {
        ProgressClient vera = connected(ProgressClient.connect(Tokens.accessToken("vera"), null));
        int before = vera.messages.size();
        // the tick is paused: only the start itself can make the poller look again
        given().auth().oauth2(Tokens.accessToken("otto")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "FULL", "tenants", List.of("mysql_tenant")))
                .post("/api/v1/clusters/demo/backups").then().statusCode(202);
        await().atMost(WAIT).until(() -> vera.messages.subList(before, vera.messages.size()).stream()
                .anyMatch(m -> "delta".equals(m.getString("type")) && m.encode().contains("\"tenant\":\"mysql_tenant\"")));
    }

    @Test
    void aWatcherThatStopsReadingIsToldToResyncWhileTheOthersGetEveryChange() throws Exception {
        ProgressClient fast = connected(ProgressClient.connect(Tokens.accessToken("vera"), null));
        ProgressClient stalled = connected(ProgressClient.connect(Tokens.accessToken("otto"), null));
        stalled.pause();
        Watcher stalledWatcher = await().atMost(WAIT).until(() -> hub.watchers().stream()
                .filter(w -> w.audience.equals(audienceOfOtto())).findFirst().orElse(null), w -> w != null);

        // big deltas, one at a time: each reaches the fast watcher before the next is published
        int published = 0;
        while (stalledWatcher.resyncs() == 0 && published < 400) {
            published++;
            hub.publish("demo", bigJobs(published));
            int expected = published;
            await().atMost(WAIT).until(() -> fast.types().stream().filter("delta"::equals).count() >= expected);
            assertThat(stalledWatcher.queued()).isLessThanOrEqualTo(16);
        }
        assertThat(stalledWatcher.resyncs()).as("the stalled watcher overflowed and was marked for resync").isPositive();
        assertThat(fast.types()).doesNotContain("resync");
        assertThat(fast.types().stream().filter("delta"::equals).count()).isEqualTo(published);
        assertThat(lastPercentSeenBy(fast)).isEqualTo(published);

        stalled.resume();
        int last = published;
        await().atMost(WAIT).until(() -> stalled.types().contains("resync")
                && stalled.types().lastIndexOf("snapshot") > stalled.types().indexOf("resync"));
        assertThat(stalled.types().stream().filter("delta"::equals).count()).isLessThan(published);
        JsonObject snapshot = stalled.messages.get(stalled.types().lastIndexOf("snapshot"));
        assertThat(snapshot.getJsonArray("jobs").stream().map(JsonObject.class::cast)
                .filter(job -> job.getLong("jobId") >= 900_000).map(job -> job.getDouble("percent")))
                .as("the resync snapshot holds the newest state").isNotEmpty().allMatch(p -> p == last);

        hub.publish("demo", List.of());
    }

    @Test
    void anAudienceIsKeptWhileOneOfItsSocketsIsOpenAndForgottenWithTheLast() {
        ProgressClient first = connected(ProgressClient.connect(Tokens.accessToken("otto"), null));
        ProgressClient second = connected(ProgressClient.connect(Tokens.accessToken("otto"), null));
        Audience.Key otto = audienceOfOtto().key;
        assertThat(hub.audienceKeys()).contains(otto);

        first.close();
        await().atMost(WAIT).until(() -> hub.watchers().stream().filter(w -> w.audience.key.equals(otto)).count() == 1);
        assertThat(hub.audienceKeys()).contains(otto);

        second.close();
        await().atMost(WAIT).until(() -> !hub.audienceKeys().contains(otto));
    }

    private static ProgressClient connected(ProgressClient client) {
        await().atMost(WAIT).until(() -> client.types().contains("snapshot"));
        return client;
    }

    private Audience audienceOfOtto() {
        return hub.watchers().stream().map(w -> w.audience).filter(a -> !a.mayView(JobProgress.of(job(1, "oracle_tenant", 0))))
                .findFirst().orElse(null);
    }

    private static List<FleetJob> bigJobs(int step) {
        List<FleetJob> jobs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            jobs.add(job(900_000 + i, "mysql_tenant", step));
        }
        return jobs;
    }

    private static FleetJob job(long jobId, String tenant, int percent) {
        BackupJob row = new BackupJob(1002, tenant, jobId, 1, 0, 1, 0, "FULL", false, "NONE",
                LocalDateTime.parse("2026-11-21T10:00:00"), null, "DOING", 0, "x".repeat(1000), null, List.of());
        return new FleetJob(JobKey.of("demo", row), row, JobStatus.DOING, true,
                new Progress((double) percent, 1L << 30, 1L << 20, 60L, false), "BACKUP_DATA_MAJOR", 0);
    }

    private static double lastPercentSeenBy(ProgressClient client) {
        List<JsonObject> jobs = client.jobs().stream().filter(job -> job.getLong("jobId") == 900_000).toList();
        return jobs.get(jobs.size() - 1).getDouble("percent");
    }

    /** The statements the demo cluster received during three rounds, demo time moving between them, time literals blanked. */
    private List<String> statementsOfThreeRounds() throws Exception {
        DemoControl control = Demo.cluster().control();
        control.resetStatements();
        for (int i = 0; i < 3; i++) {
            Demo.clock().advanceSeconds(2);
            round();
        }
        return control.statementsReceived().stream().map(sql -> sql.replaceAll("'\\d{4}-\\d\\d-\\d\\d [0-9:.]+'", "'T'"))
                .toList();
    }

    private void round() throws Exception {
        poller.pollNow("demo").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
