package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.obconsole.demo.ManualClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conditions in the console database on a clock the test moves: a flapping condition sends one
 * message per group window (with the count of what it grouped), a recovery is sent once, an
 * escalation is never held back, and two instances deciding the same change store one event.
 */
@QuarkusTest
class AlertGroupingTest {

    private static final Duration WINDOW = Duration.ofMinutes(30);

    @Inject
    AgroalDataSource db;

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

    private AlertStore store() {
        return new AlertStore(db, new Links("https://console.test"), WINDOW, clock);
    }

    private AlertEvent event(String key, AlertStore.Change change) {
        AlertKind kind = change.level() == ObjectiveState.OK ? AlertKind.CLUSTER_REACHABLE : AlertKind.CLUSTER_UNREACHABLE;
        return AlertEvent.of(key + ":" + kind + ":" + clock.millis(), kind, "flapping", null, kind.title(), null, null);
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
