package io.obconsole.alert;

import io.obconsole.fleet.ClusterTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Events and conditions in the console database. An event is stored, with one PENDING delivery
 * per channel that routes it, in one transaction before anything is sent: a restart loses
 * nothing, and the event's UNIQUE key makes it exactly-once across console instances. A
 * condition row is locked while it changes, so every instance agrees whether it is open, whether
 * it was notified, and when a repeat is held by grouping (and then sent or withdrawn, both logged).
 */
@ApplicationScoped
public class AlertStore {

    private final Links links;
    private final Duration groupWindow;
    private final Clock clock;
    /** This instance's name in the delivery log (the lines it writes for held events). */
    private final String instance;

    @Inject
    public AlertStore(Links links, AlertConfig config) {
        this(links, config.groupWindow(), Clock.systemUTC(), config.instanceName().orElseGet(Deliveries::hostName));
    }

    AlertStore(Links links, Duration groupWindow, Clock clock, String instance) {
        this.links = links;
        this.groupWindow = groupWindow;
        this.clock = clock;
        this.instance = instance;
    }

    /** Stores a one-off event (a failed job, a policy run) unless its key is stored already. */
    public Optional<AlertEvent> raise(AlertEvent draft) {
        try {
            return Optional.of(AlertTables.call("alert event not stored", () -> insert(draft, clock.instant(), null)));
        } catch (AlertStoreException e) {
            if (AlertTables.duplicate(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * What a condition's change means for notification: the level last notified ({@code OK} after
     * a recovery, null if never), the level now, the openings grouped since the last message, and
     * when the current opening began (console time).
     */
    public record Change(ObjectiveState notified, ObjectiveState level, int repeats, Instant openSince) {
    }

    /** What the group window may hold back of a condition that comes back after its recovery was sent. */
    public enum Grouping {
        /** Any reopening: cluster reachability, a stalled job, the audit chain (flapping is worth one message a window). */
        ANY_REOPENING,
        /** Only a warning (AT RISK): a breach is never held back by an earlier recovery, it is sent at once. */
        WARNINGS_ONLY;

        boolean holds(ObjectiveState level) {
            return this == ANY_REOPENING || level != ObjectiveState.BREACHED;
        }
    }

    /** {@link #condition(String, ObjectiveState, Grouping, Function)} holding any reopening within the window. */
    public Optional<AlertEvent> condition(String key, ObjectiveState level, Function<Change, AlertEvent> eventFor) {
        return condition(key, level, Grouping.ANY_REOPENING, eventFor);
    }

    /**
     * Moves a condition to {@code level} (OK, AT_RISK or BREACHED; binary conditions use OK and
     * BREACHED) and stores the event {@code eventFor} builds when that is worth a message: a new or
     * worse level than the one notified, or a recovery of a notified one. A condition that comes
     * back within the group window after its recovery was sent (and that {@code grouping} holds) is
     * stored at once with its deliveries HELD until the window ends, each logged as held with when
     * it goes; further openings meanwhile are counted. The first evaluation after the window sends
     * it (with the count and what holds now) if it still holds, or logs it as not sent if it cleared.
     *
     * @return the event to be sent now (a held one once it is released); empty when nothing goes now
     */
    public Optional<AlertEvent> condition(String key, ObjectiveState level, Grouping grouping,
            Function<Change, AlertEvent> eventFor) {
        Instant now = clock.instant();
        try {
            return AlertTables.call("alert condition not stored", () -> {
                Optional<AlertEvent> moved = move(key, level, grouping, eventFor, now);
                // a lost race (the other instance's row, or a deadlock) is seen here, not in a commit
                AlertCondition.flush();
                return moved;
            });
        } catch (AlertStoreException e) {
            if (AlertTables.lostRace(e)) {
                // another instance changed the condition in the same moment; it has decided this round
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Settles the held events of conditions that cleared and are no longer evaluated (a stalled job that ended). */
    public void settleCleared() {
        Instant now = clock.instant();
        List<String> keys = AlertTables.call("held alerts not read", () -> AlertCondition.<AlertCondition>list(
                "heldEventId is not null and level = ?1 and lastNotifiedAt < ?2", ObjectiveState.OK, now.minus(groupWindow))
                .stream().map(condition -> condition.key).toList());
        keys.forEach(key -> condition(key, ObjectiveState.OK, change -> null));
    }

    private Optional<AlertEvent> move(String key, ObjectiveState level, Grouping grouping,
            Function<Change, AlertEvent> eventFor, Instant now) {
        ConditionRow row = lock(key);
        if (row == null) {
            if (level == ObjectiveState.OK) {
                write(true, new ConditionRow(key, level, null, null, null, 0, null), now);
                return Optional.empty();
            }
            AlertEvent event = eventFor.apply(new Change(null, level, 0, now));
            write(true, new ConditionRow(key, level, now, level, now, 0, null), now);
            return store(event, now);
        }
        if (row.held != null && !now.isBefore(releaseOf(row))) {
            return settle(row, level, eventFor, now);
        }
        ObjectiveState notified = row.notified == null ? ObjectiveState.OK : row.notified;
        if (level == ObjectiveState.OK) {
            if (row.level == ObjectiveState.OK) {
                return Optional.empty();
            }
            boolean recovery = notified != ObjectiveState.OK;
            write(false, new ConditionRow(key, level, null, recovery ? level : row.notified,
                    recovery ? now : row.lastNotifiedAt, row.flaps, row.held), now);
            return recovery ? store(eventFor.apply(new Change(notified, level, 0, row.openSince)), now) : Optional.empty();
        }
        boolean reopening = row.level == ObjectiveState.OK;
        Instant openSince = reopening ? now : row.openSince;
        int flaps = row.flaps + (reopening && row.notified != null ? 1 : 0);
        if (level.severity() <= notified.severity()) {
            if (reopening || level != row.level) {
                write(false, new ConditionRow(key, level, openSince, row.notified, row.lastNotifiedAt, row.flaps, row.held),
                        now);
            }
            return Optional.empty();
        }
        boolean inWindow = notified == ObjectiveState.OK && row.lastNotifiedAt != null && now.isBefore(releaseOf(row));
        if (inWindow && grouping.holds(level)) {
            Long held = row.held;
            if (held == null) {
                AlertEvent event = eventFor.apply(new Change(row.notified, level, 0, openSince));
                held = event == null ? null : hold(event, releaseOf(row), now);
            }
            write(false, new ConditionRow(key, level, openSince, row.notified, row.lastNotifiedAt, flaps, held), now);
            return Optional.empty();
        }
        // the opening being sent now is not a repeat
        int repeats = Math.max(0, flaps - (reopening && row.notified != null ? 1 : 0));
        AlertEvent event = eventFor.apply(new Change(row.notified, level, repeats, openSince));
        write(false, new ConditionRow(key, level, openSince, level, now, 0, null), now);
        Optional<AlertEvent> sent = store(event == null ? null : event.withRepeats(repeats), now);
        if (row.held != null) {
            withdraw(row.held, sent.map(e -> "not sent: " + e.kind() + " #" + e.id() + " went at once instead")
                    .orElse("not sent: superseded"), now);
        }
        return sent;
    }

    /** When a condition's held event goes: the group window after the recovery that was sent. */
    private Instant releaseOf(ConditionRow row) {
        return row.lastNotifiedAt.plus(groupWindow);
    }

    /** The window has passed over a held event: it goes with what holds now, or is logged as not sent if it cleared. */
    private Optional<AlertEvent> settle(ConditionRow row, ObjectiveState level,
            Function<Change, AlertEvent> eventFor, Instant now) {
        if (level == ObjectiveState.OK) {
            withdraw(row.held, "not sent: it had cleared when the hold ended (it came back " + Math.max(1, row.flaps)
                    + " time(s) within the window)", now);
            write(false, new ConditionRow(row.key, level, null, row.notified, row.lastNotifiedAt, 0, null), now);
            return Optional.empty();
        }
        boolean reopening = row.level == ObjectiveState.OK;
        Instant openSince = reopening ? now : row.openSince;
        // every opening since the recovery was counted; the message is about one of them
        int repeats = Math.max(0, row.flaps + (reopening ? 1 : 0) - 1);
        AlertEvent event = eventFor.apply(new Change(row.notified, level, repeats, openSince));
        write(false, new ConditionRow(row.key, level, openSince, level, now, 0, null), now);
        if (event == null) {
            withdraw(row.held, "not sent: superseded", now);
            return Optional.empty();
        }
        return Optional.of(release(row.held, event.withRepeats(repeats), now));
    }

    private record ConditionRow(String key, ObjectiveState level, Instant openSince, ObjectiveState notified,
            Instant lastNotifiedAt, int flaps, Long held) {
    }

    /** The condition's row, locked (SELECT ... FOR UPDATE) until the transaction ends; null if it has none yet. */
    private static ConditionRow lock(String key) {
        // native, through the same EntityManager: for PESSIMISTIC_WRITE Hibernate's MySQL dialect writes MySQL 8's
        // "FOR UPDATE OF <alias>", which MariaDB refuses; the plain FOR UPDATE is the lock every instance waits on
        List<AlertCondition> found = AlertCondition.getEntityManager().createNativeQuery(
                "SELECT * FROM alert_condition WHERE condition_key = ?1 FOR UPDATE", AlertCondition.class)
                .setParameter(1, key).getResultList();
        return found.stream().findFirst().map(stored -> new ConditionRow(key, stored.level, stored.openSince, stored.notified,
                stored.lastNotifiedAt, stored.flaps, stored.heldEventId)).orElse(null);
    }

    private static void write(boolean insert, ConditionRow row, Instant now) {
        AlertCondition stored = insert ? new AlertCondition() : AlertCondition.findById(row.key);
        stored.key = row.key;
        stored.level = row.level;
        stored.openSince = row.openSince;
        stored.notified = row.notified;
        stored.lastNotifiedAt = row.lastNotifiedAt;
        stored.flaps = row.flaps;
        stored.updatedAt = now;
        stored.heldEventId = row.held;
        if (insert) {
            stored.persist();
        }
    }

    /** A condition's event: its key made unique by the moment (the row lock makes that moment one instance's). */
    private Optional<AlertEvent> store(AlertEvent draft, Instant now) {
        return draft == null ? Optional.empty() : Optional.of(insert(keyedByMoment(draft, now), now, null));
    }

    /** Stores a condition's event with its deliveries HELD until {@code until}, each logged as held; returns its id. */
    private long hold(AlertEvent draft, Instant until, Instant now) {
        return insert(keyedByMoment(draft, now), now, until).id();
    }

    private static AlertEvent keyedByMoment(AlertEvent draft, Instant now) {
        String suffix = "@" + now.toEpochMilli();
        String key = cut(draft.key(), 191 - suffix.length()) + suffix;
        return new AlertEvent(null, key, draft.kind(), draft.cluster(), draft.tenant(), draft.summary(), draft.detail(),
                draft.obCode(), draft.obText(), draft.nextStep(), null, draft.since(), draft.repeats(), null);
    }

    /** A held event goes now, saying what holds now (its kind, summary, count of openings). */
    private static AlertEvent release(long eventId, AlertEvent now, Instant at) {
        StoredEvent stored = StoredEvent.findById(eventId);
        stored.say(now);
        Delivery.update("state = ?1, nextAttemptAt = ?2 where eventId = ?3 and state = ?4", DeliveryState.PENDING, at,
                eventId, DeliveryState.HELD);
        return stored.event();
    }

    /** A held event will not go: each of its deliveries ends NOT_SENT, logged with why. */
    private void withdraw(long eventId, String why, Instant now) {
        AlertKind kind = StoredEvent.<StoredEvent>findById(eventId).kind;
        for (Delivery delivery : Delivery.<Delivery>list("eventId = ?1 and state = ?2 order by id", eventId,
                DeliveryState.HELD)) {
            delivery.state = DeliveryState.NOT_SENT;
            delivery.lastError = cut(why, 1024);
            delivery.doneAt = now;
            DeliveryLogLine.write(delivery.channelId, eventId, kind, DeliveryState.NOT_SENT.logged(), 0, null, why, instance,
                    now, null);
        }
    }

    /** Inserts the event and one delivery per channel that routes it: due now, or HELD until {@code heldUntil}. */
    private AlertEvent insert(AlertEvent draft, Instant now, Instant heldUntil) {
        String link = links.of(draft);
        AlertEvent event = draft.stored(StoredEvent.store(draft, link, now).id, link, now);
        for (Channel channel : StoredChannel.channels()) {
            if (channel.routes(event)) {
                Delivery.queue(event.id(), channel.id(), heldUntil == null ? DeliveryState.PENDING : DeliveryState.HELD,
                        heldUntil == null ? now : heldUntil, now);
                if (heldUntil != null) {
                    DeliveryLogLine.write(channel.id(), event.id(), event.kind(), DeliveryState.HELD.logged(), 0, null,
                            "held by grouping until " + ClusterTime.utcText(heldUntil) + ": it came back within "
                                    + Durations.words(groupWindow) + " of its recovery; it goes then if it still holds, else "
                                    + "it is logged as not sent", instance, now, heldUntil);
                }
            }
        }
        return event;
    }

    /** The newest events, for the API and the alerts page. */
    public List<AlertEvent> recent(int limit) {
        return AlertTables.call("alert events not read", () -> StoredEvent.<StoredEvent>find("order by id desc")
                .page(0, limit).list().stream().map(StoredEvent::event).toList());
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
