package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.obconsole.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;

import io.agroal.api.AgroalDataSource;
import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.Tenant;
import io.obconsole.cluster.TenantState;
import io.obconsole.demo.ManualClock;
import io.obconsole.failure.FailureExplanations;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Conditions in the console database on a clock the test moves: a flapping condition sends one
 * message per group window (with the count of what it grouped), what grouping holds is in the
 * delivery log as held with when it goes, a recovery is sent once, an escalation and an
 * objective's breach are never held back, and two instances deciding the same change store one event.
 */
@QuarkusTest
class AlertGroupingTest {

    private static final Duration WINDOW = Duration.ofMinutes(30);

    @Inject
    AgroalDataSource db;

    @Inject
    AlertConfig config;

    @Inject
    FailureExplanations explanations;

    @Inject
    Deliveries deliveries;

    @Inject
    Scheduler scheduler;

    @TestHTTPResource("/alerts/channels")
    URL channelsPage;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aFlappingClusterSendsOneMessageAWindowAndItsRecoveryOnce() {
        AlertStore store = store();
        String key = "cluster:flapping-" + System.nanoTime();
        List<AlertKind> sent = new ArrayList<>();

        sent.addAll(kinds(store.condition(key, ObjectiveState.BREACHED, change -> event(key, change))));
        sent.addAll(kinds(store.condition(key, ObjectiveState.BREACHED, change -> event(key, change))));
        clock.advanceSeconds(5);
        sent.addAll(kinds(store.condition(key, ObjectiveState.OK, change -> event(key, change))));
        // it comes and goes every few seconds for ten minutes: nothing more is sent
        for (int i = 0; i < 60; i++) {
            clock.advanceSeconds(5);
            sent.addAll(kinds(store.condition(key, i % 2 == 0 ? ObjectiveState.BREACHED : ObjectiveState.OK,
                    change -> event(key, change))));
        }
        assertThat(sent).containsExactly(AlertKind.CLUSTER_UNREACHABLE, AlertKind.CLUSTER_REACHABLE);

        // still down when the window has passed: one message, saying how often it came back meanwhile
        clock.advance(WINDOW);
        Optional<AlertEvent> later = store.condition(key, ObjectiveState.BREACHED, change -> event(key, change));
        assertThat(later).map(AlertEvent::kind).contains(AlertKind.CLUSTER_UNREACHABLE);
        assertThat(later.get().repeats()).isEqualTo(30);
        assertThat(store.condition(key, ObjectiveState.OK, change -> event(key, change))).map(AlertEvent::kind)
                .contains(AlertKind.CLUSTER_REACHABLE);
        assertThat(store.condition(key, ObjectiveState.OK, change -> event(key, change))).isEmpty();
    }

    @Test
    void anEscalationFromAtRiskToBreachedIsSentAtOnceAndAStepBackIsNot() {
        AlertStore store = store();
        String key = "objective:demo/escalating-" + System.nanoTime();
        assertThat(kinds(store.condition(key, ObjectiveState.AT_RISK, change -> objective(key, change))))
                .containsExactly(AlertKind.OBJECTIVE_AT_RISK);
        clock.advanceSeconds(1);
        assertThat(kinds(store.condition(key, ObjectiveState.BREACHED, change -> objective(key, change))))
                .containsExactly(AlertKind.OBJECTIVE_BREACHED);
        assertThat(store.condition(key, ObjectiveState.AT_RISK, change -> objective(key, change))).isEmpty();
        assertThat(store.condition(key, ObjectiveState.BREACHED, change -> objective(key, change))).isEmpty();
        assertThat(kinds(store.condition(key, ObjectiveState.OK, change -> objective(key, change))))
                .containsExactly(AlertKind.OBJECTIVE_RECOVERED);
    }

    /**
     * The tenant breached (30 h of a 24 h objective), then recovered five minutes later, each sent
     * as it came; the clock stands a minute after the recovery, inside the group window it opened.
     */
    private void breachedThenRecovered(Alarms alarms, String cluster, Objective objective, DeliveryWorker worker) {
        alarms.objective(evaluate(cluster, Duration.ofHours(30), objective));
        worker.deliverDue(50);
        clock.advance(Duration.ofMinutes(5));
        alarms.objective(evaluate(cluster, Duration.ofMinutes(10), objective));
        worker.deliverDue(50);
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void aBreachThatComesBackAfterItsRecoveryReachesTheReceiverAtOnce() {
        String cluster = "grouping-" + System.nanoTime();
        Alarms alarms = new Alarms(store(), config, explanations);
        Objective dayObjective = new Objective(Duration.ofDays(1), Duration.ZERO, Duration.ZERO, "tenant");
        withChannel(cluster, "oracle_tenant", (receiver, channel) -> {
            DeliveryWorker worker = deliveries.newWorker("grouping-test");
            breachedThenRecovered(alarms, cluster, dayObjective, worker);
            // a minute after the recovery was sent, well inside the group window: breached again
            alarms.objective(evaluate(cluster, Duration.ofHours(26), dayObjective));
            worker.deliverDue(50);

            assertThat(receiver.received()).extracting(WebhookReceiver.Received::kind).containsExactly(
                    "OBJECTIVE_BREACHED", "OBJECTIVE_RECOVERED", "OBJECTIVE_BREACHED");
            assertThat(receiver.received().get(2).json().path("summary").asText())
                    .contains(cluster + "/oracle_tenant is BREACHED");
            assertThat(AlertFixture.log(channel)).extracting(l -> l.get("outcome")).containsOnly("SENT");
        });
    }

    /**
     * Issue 24, point 2, end to end on a real receiver: breach, recovery, and within the group window first an
     * AT RISK (held: the delivery log, its API and the channel's page say so and when it goes) and then the breach
     * again, which goes at once and replaces the held warning (logged as not sent, saying why).
     */
    @Test
    void aBreachAfterItsRecoveryArrivesAtOnceWhileWhatGroupingHoldsMeanwhileIsShownAsHeldWithWhenItGoes() {
        String cluster = "rebreach-" + System.nanoTime();
        Alarms alarms = new Alarms(store(), config, explanations);
        Objective dayObjective = new Objective(Duration.ofDays(1), Duration.ZERO, Duration.ZERO, "tenant");
        withChannel(cluster, "oracle_tenant", (receiver, channel) -> {
            DeliveryWorker worker = deliveries.newWorker("grouping-test");
            // the recovery goes at 08:05:00: the group window runs to 08:35:00
            breachedThenRecovered(alarms, cluster, dayObjective, worker);
            // at risk again (20 h of a 24 h objective): a warning that came back, held
            alarms.objective(evaluate(cluster, Duration.ofHours(20), dayObjective));
            worker.deliverDue(50);

            assertThat(receiver.received()).extracting(WebhookReceiver.Received::kind)
                    .containsExactly("OBJECTIVE_BREACHED", "OBJECTIVE_RECOVERED");
            Map<String, Object> held = AlertFixture.log(channel).get(0);
            assertThat(held).containsEntry("outcome", "HELD").containsEntry("kind", "OBJECTIVE_AT_RISK")
                    .containsEntry("nextAt", "2026-01-10T08:35:00Z");
            assertThat((String) held.get("detail")).contains("held by grouping until 2026-01-10 08:35:00 UTC");
            try (Browser browser = Browser.launch()) {
                Page page = browser.signedIn(channelsPage.toString(), "ada");
                PlaywrightAssertions.assertThat(page.locator("tr[data-channel='" + cluster + "'] [data-held]"))
                        .hasText("1 held");
                page.navigate(channelsPage + "/" + channel);
                PlaywrightAssertions.assertThat(page.locator("#held-now")).containsText("Recovery-point objective at risk #"
                        + held.get("eventId") + ": goes at");
                PlaywrightAssertions.assertThat(page.locator("#held-now time"))
                        .hasAttribute("datetime", "2026-01-10T08:35:00Z");
                PlaywrightAssertions.assertThat(page.locator("#delivery-log tr[data-outcome=HELD] td").nth(2))
                        .containsText("Held by grouping until");
                PlaywrightAssertions.assertThat(page.locator("#delivery-log tr[data-outcome=HELD] td:nth-child(3) time"))
                        .hasAttribute("datetime", "2026-01-10T08:35:00Z");
                PlaywrightAssertions.assertThat(page.locator("#delivery-log")).not().containsText("HELD");

                // breached again inside the window: it goes at once, and the held warning is withdrawn
                clock.advance(Duration.ofMinutes(1));
                alarms.objective(evaluate(cluster, Duration.ofHours(26), dayObjective));
                worker.deliverDue(50);
                assertThat(receiver.received()).extracting(WebhookReceiver.Received::kind)
                        .containsExactly("OBJECTIVE_BREACHED", "OBJECTIVE_RECOVERED", "OBJECTIVE_BREACHED");
                assertThat(receiver.received()).allMatch(r -> r.signedWith(AlertFixture.KEY));
                List<Map<String, Object>> log = AlertFixture.log(channel);
                assertThat(log).extracting(l -> l.get("outcome")).containsExactly("SENT", "NOT_SENT", "HELD", "SENT", "SENT");
                assertThat((String) log.get(1).get("detail")).contains("went at once instead");

                page.reload();
                PlaywrightAssertions.assertThat(page.locator("#held-now")).hasCount(0);
                PlaywrightAssertions.assertThat(page.locator("#delivery-log tr[data-outcome=NOT_SENT]")).containsText("Not sent");
            }
        });
    }

    @Test
    void aReopeningHeldByGroupingIsLoggedAsHeldWithWhenItGoesAndGoesThenIfItStillHolds() {
        String cluster = "held-" + System.nanoTime();
        String key = "cluster:" + cluster;
        AlertStore store = store();
        withChannel(cluster, "*", (receiver, channel) -> {
            DeliveryWorker worker = deliveries.newWorker("grouping-test");
            assertThat(downSentUpSentAndDownAgain(store, key, cluster, worker)).isEmpty();
            worker.deliverDue(50);

            assertThat(receiver.received()).extracting(WebhookReceiver.Received::kind)
                    .containsExactly("CLUSTER_UNREACHABLE", "CLUSTER_REACHABLE");
            Map<String, Object> held = AlertFixture.log(channel).get(0);
            assertThat(held.get("outcome")).isEqualTo("HELD");
            assertThat(held.get("kind")).isEqualTo("CLUSTER_UNREACHABLE");
            // the recovery went at 08:00:05; the window is 30 minutes
            assertThat((String) held.get("detail")).contains("held by grouping until 2026-01-10 08:30:05 UTC");

            // still down once the window has passed: the held message goes
            clock.advance(WINDOW);
            Optional<AlertEvent> released = store.condition(key, ObjectiveState.BREACHED,
                    change -> event(key, cluster, change));
            assertThat(released).map(AlertEvent::kind).contains(AlertKind.CLUSTER_UNREACHABLE);
            // it came back once since the recovery: the message is that one, no repeats
            assertThat(released).map(AlertEvent::repeats).contains(0);
            worker.deliverDue(50);
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::kind)
                    .containsExactly("CLUSTER_UNREACHABLE", "CLUSTER_REACHABLE", "CLUSTER_UNREACHABLE");
            assertThat(AlertFixture.log(channel).get(0)).containsEntry("outcome", "SENT")
                    .containsEntry("eventId", held.get("eventId"));
        });
    }

    @Test
    void aHeldReopeningThatClearedBeforeItsWindowEndedIsLoggedAsNotSent() {
        String cluster = "withdrawn-" + System.nanoTime();
        String key = "cluster:" + cluster;
        AlertStore store = store();
        withChannel(cluster, "*", (receiver, channel) -> {
            DeliveryWorker worker = deliveries.newWorker("grouping-test");
            downSentUpSentAndDownAgain(store, key, cluster, worker);
            clock.advance(Duration.ofMinutes(3));
            store.condition(key, ObjectiveState.OK, change -> event(key, cluster, change));
            clock.advance(WINDOW);
            assertThat(store.condition(key, ObjectiveState.OK, change -> event(key, cluster, change))).isEmpty();
            worker.deliverDue(50);

            assertThat(receiver.received()).extracting(WebhookReceiver.Received::kind)
                    .containsExactly("CLUSTER_UNREACHABLE", "CLUSTER_REACHABLE");
            assertThat(AlertFixture.log(channel)).extracting(l -> l.get("outcome"))
                    .containsExactly("NOT_SENT", "HELD", "SENT", "SENT");
            assertThat((String) AlertFixture.log(channel).get(0).get("detail")).contains("it had cleared");
        });
    }

    @Test
    void twoInstancesDecidingTheSameChangeStoreOneEvent() throws Exception {
        String key = "cluster:two-instances-" + System.nanoTime();
        AlertStore a = store();
        AlertStore b = store();
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> a.condition(key, ObjectiveState.BREACHED,
                change -> event(key, change)));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> b.condition(key, ObjectiveState.BREACHED,
                change -> event(key, change)));
        long stored = first.get().stream().count() + second.get().stream().count();
        assertThat(stored).isEqualTo(1);
        assertThat(AlertFixture.number(db, "SELECT COUNT(*) FROM alert_event WHERE event_key LIKE '" + key + ":%'"))
                .isEqualTo(1);
    }

    /**
     * A webhook channel for {@code cluster} to a fresh receiver while {@code test} runs, with the
     * delivery tick paused so that the test's own worker sends; the channel is deleted afterwards.
     */
    private void withChannel(String cluster, String tenantPattern, BiConsumer<WebhookReceiver, Long> test) {
        scheduler.pause(Deliveries.TICK);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long channel = AlertFixture.channel(Map.of("name", cluster, "format", "WEBHOOK", "url", receiver.url(),
                    "keyName", AlertFixture.KEY_NAME, "clusterPattern", cluster, "tenantPattern", tenantPattern));
            try {
                test.accept(receiver, channel);
            } finally {
                AlertFixture.delete(channel);
            }
        } finally {
            scheduler.resume(Deliveries.TICK);
        }
    }

    /** A cluster goes down at 08:00:00, is back at 08:00:05 (both sent), and is down again two minutes later. */
    private Optional<AlertEvent> downSentUpSentAndDownAgain(AlertStore store, String key, String cluster,
            DeliveryWorker worker) {
        store.condition(key, ObjectiveState.BREACHED, change -> event(key, cluster, change));
        clock.advanceSeconds(5);
        store.condition(key, ObjectiveState.OK, change -> event(key, cluster, change));
        worker.deliverDue(50);
        clock.advance(Duration.ofMinutes(2));
        return store.condition(key, ObjectiveState.BREACHED, change -> event(key, cluster, change));
    }

    private AlertStore store() {
        return new AlertStore(new Links("https://console.test"), WINDOW, clock, "grouping-test");
    }

    private AlertEvent event(String key, AlertStore.Change change) {
        AlertKind kind = change.level() == ObjectiveState.OK ? AlertKind.CLUSTER_REACHABLE : AlertKind.CLUSTER_UNREACHABLE;
        return AlertEvent.of(key + ":" + kind + ":" + clock.millis(), kind, "flapping", null, kind.title(), null, null);
    }

    private AlertEvent event(String key, String cluster, AlertStore.Change change) {
        AlertKind kind = change.level() == ObjectiveState.OK ? AlertKind.CLUSTER_REACHABLE : AlertKind.CLUSTER_UNREACHABLE;
        return AlertEvent.of(key + ":" + kind, kind, cluster, null, kind.title(), null, null);
    }

    /** A tenant whose newest (FULL) backup set ended {@code age} ago, against {@code objective}, on the test's clock. */
    private TenantObjective evaluate(String cluster, Duration age, Objective objective) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        BackupSet full = new BackupSet(1, "FULL", now.minus(age).minusMinutes(40), now.minus(age), age);
        TenantState tenant = new TenantState(new Tenant(1004, "oracle_tenant", "ORACLE", "NORMAL"), ArchiveStatus.NONE,
                "file:///b", 0, full, null, List.of());
        return new ObjectiveEvaluator(0.8).evaluate(cluster, tenant, now, objective, TenantWindows.of(tenant));
    }

    private AlertEvent objective(String key, AlertStore.Change change) {
        AlertKind kind = switch (change.level()) {
            case OK -> AlertKind.OBJECTIVE_RECOVERED;
            case AT_RISK -> AlertKind.OBJECTIVE_AT_RISK;
            case BREACHED -> AlertKind.OBJECTIVE_BREACHED;
        };
        return AlertEvent.of(key + ":" + kind + ":" + clock.millis(), kind, "demo", "escalating", kind.title(), null, null);
    }

    private static List<AlertKind> kinds(Optional<AlertEvent> event) {
        return event.map(e -> List.of(e.kind())).orElse(List.of());
    }
}
