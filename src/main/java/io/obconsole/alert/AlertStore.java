package io.obconsole.alert;

import io.agroal.api.AgroalDataSource;
import io.obconsole.fleet.ClusterTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Events and conditions in the console database. An event is stored, with one PENDING delivery
 * per channel that routes it, in one transaction before anything is sent: a restart loses
 * nothing, and the event's UNIQUE key makes it exactly-once across console instances. A
 * condition row is locked while it changes, so every instance agrees whether it is open, whether
 * it was notified, and when a repeat is held by grouping (and then sent or withdrawn, both logged).
 */
@ApplicationScoped
public class AlertStore {

    private final DataSource db;
    private final Links links;
    private final Duration groupWindow;
    private final Clock clock;
    /** This instance's name in the delivery log (the lines it writes for held events). */
    private final String instance;

    @Inject
    public AlertStore(AgroalDataSource db, Links links, AlertConfig config) {
        this(db, links, config.groupWindow(), Clock.systemUTC(), config.instanceName().orElseGet(Deliveries::hostName));
    }

    AlertStore(DataSource db, Links links, Duration groupWindow, Clock clock, String instance) {
        this.db = db;
        this.links = links;
        this.groupWindow = groupWindow;
        this.clock = clock;
        this.instance = instance;
    }

    /** Stores a one-off event (a failed job, a policy run) unless its key is stored already. */
    public Optional<AlertEvent> raise(AlertEvent draft) {
        try {
            return Optional.of(Transactions.run(db, "alert event not stored", c -> insert(c, draft, clock.instant(), null)));
        } catch (AlertStoreException e) {
            if (Transactions.duplicate(e)) {
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
            return Transactions.run(db, "alert condition not stored", c -> move(c, key, level, grouping, eventFor, now));
        } catch (AlertStoreException e) {
            if (Transactions.lostRace(e)) {
                // another instance changed the condition in the same moment; it has decided this round
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Settles the held events of conditions that cleared and are no longer evaluated (a stalled job that ended). */
    public void settleCleared() {
        Instant now = clock.instant();
        List<String> keys = Transactions.run(db, "held alerts not read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT condition_key FROM alert_condition "
                    + "WHERE held_event_id IS NOT NULL AND level_name = 'OK' AND last_notified_at < ?")) {
                s.setTimestamp(1, Transactions.ts(now.minus(groupWindow)));
                List<String> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            }
        });
        keys.forEach(key -> condition(key, ObjectiveState.OK, change -> null));
    }

    private Optional<AlertEvent> move(Connection c, String key, ObjectiveState level, Grouping grouping,
            Function<Change, AlertEvent> eventFor, Instant now) throws SQLException {
        ConditionRow row = lock(c, key);
        if (row == null) {
            if (level == ObjectiveState.OK) {
                write(c, true, new ConditionRow(key, level, null, null, null, 0, null), now);
                return Optional.empty();
            }
            AlertEvent event = eventFor.apply(new Change(null, level, 0, now));
            write(c, true, new ConditionRow(key, level, now, level, now, 0, null), now);
            return store(c, event, now);
        }
        if (row.held != null && !now.isBefore(releaseOf(row))) {
            return settle(c, row, level, eventFor, now);
        }
        ObjectiveState notified = row.notified == null ? ObjectiveState.OK : row.notified;
        if (level == ObjectiveState.OK) {
            if (row.level == ObjectiveState.OK) {
                return Optional.empty();
            }
            boolean recovery = notified != ObjectiveState.OK;
            write(c, false, new ConditionRow(key, level, null, recovery ? level : row.notified,
                    recovery ? now : row.lastNotifiedAt, row.flaps, row.held), now);
            return recovery ? store(c, eventFor.apply(new Change(notified, level, 0, row.openSince)), now) : Optional.empty();
        }
        boolean reopening = row.level == ObjectiveState.OK;
        Instant openSince = reopening ? now : row.openSince;
        int flaps = row.flaps + (reopening && row.notified != null ? 1 : 0);
        if (level.severity() <= notified.severity()) {
            if (reopening || level != row.level) {
                write(c, false, new ConditionRow(key, level, openSince, row.notified, row.lastNotifiedAt, row.flaps, row.held),
                        now);
            }
            return Optional.empty();
        }
        boolean inWindow = notified == ObjectiveState.OK && row.lastNotifiedAt != null && now.isBefore(releaseOf(row));
        if (inWindow && grouping.holds(level)) {
            Long held = row.held;
            if (held == null) {
                AlertEvent event = eventFor.apply(new Change(row.notified, level, 0, openSince));
                held = event == null ? null : hold(c, event, releaseOf(row), now);
            }
            write(c, false, new ConditionRow(key, level, openSince, row.notified, row.lastNotifiedAt, flaps, held), now);
            return Optional.empty();
        }
        // the opening being sent now is not a repeat
        int repeats = Math.max(0, flaps - (reopening && row.notified != null ? 1 : 0));
        AlertEvent event = eventFor.apply(new Change(row.notified, level, repeats, openSince));
        write(c, false, new ConditionRow(key, level, openSince, level, now, 0, null), now);
        Optional<AlertEvent> sent = store(c, event == null ? null : event.withRepeats(repeats), now);
        if (row.held != null) {
            withdraw(c, row.held, sent.map(e -> "not sent: " + e.kind() + " #" + e.id() + " went at once instead")
                    .orElse("not sent: superseded"), now);
        }
        return sent;
    }

    /** When a condition's held event goes: the group window after the recovery that was sent. */
    private Instant releaseOf(ConditionRow row) {
        return row.lastNotifiedAt.plus(groupWindow);
    }

    /** The window has passed over a held event: it goes with what holds now, or is logged as not sent if it cleared. */
    private Optional<AlertEvent> settle(Connection c, ConditionRow row, ObjectiveState level,
            Function<Change, AlertEvent> eventFor, Instant now) throws SQLException {
        if (level == ObjectiveState.OK) {
            withdraw(c, row.held, "not sent: it had cleared when the hold ended (it came back " + Math.max(1, row.flaps)
                    + " time(s) within the window)", now);
            write(c, false, new ConditionRow(row.key, level, null, row.notified, row.lastNotifiedAt, 0, null), now);
            return Optional.empty();
        }
        boolean reopening = row.level == ObjectiveState.OK;
        Instant openSince = reopening ? now : row.openSince;
        // every opening since the recovery was counted; the message is about one of them
        int repeats = Math.max(0, row.flaps + (reopening ? 1 : 0) - 1);
        AlertEvent event = eventFor.apply(new Change(row.notified, level, repeats, openSince));
        write(c, false, new ConditionRow(row.key, level, openSince, level, now, 0, null), now);
        if (event == null) {
            withdraw(c, row.held, "not sent: superseded", now);
            return Optional.empty();
        }
        return Optional.of(release(c, row.held, event.withRepeats(repeats), now));
    }

    private record ConditionRow(String key, ObjectiveState level, Instant openSince, ObjectiveState notified,
            Instant lastNotifiedAt, int flaps, Long held) {
    }

    private static ConditionRow lock(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT level_name, open_since, notified_level, last_notified_at, "
                + "flaps, held_event_id FROM alert_condition WHERE condition_key = ? FOR UPDATE")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String notified = rs.getString(3);
                long heldId = rs.getLong(6);
                Long held = rs.wasNull() ? null : heldId;
                return new ConditionRow(key, ObjectiveState.valueOf(rs.getString(1)),
                        Transactions.instant(rs.getTimestamp(2)), notified == null ? null : ObjectiveState.valueOf(notified),
                        Transactions.instant(rs.getTimestamp(4)), rs.getInt(5), held);
            }
        }
    }

    private static void write(Connection c, boolean insert, ConditionRow row, Instant now) throws SQLException {
        String sql = insert
                ? "INSERT INTO alert_condition (level_name, open_since, notified_level, last_notified_at, flaps, updated_at, "
                        + "held_event_id, condition_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE alert_condition SET level_name = ?, open_since = ?, notified_level = ?, last_notified_at = ?, "
                        + "flaps = ?, updated_at = ?, held_event_id = ? WHERE condition_key = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, row.level.name());
            s.setTimestamp(2, Transactions.ts(row.openSince));
            s.setString(3, row.notified == null ? null : row.notified.name());
            s.setTimestamp(4, Transactions.ts(row.lastNotifiedAt));
            s.setInt(5, row.flaps);
            s.setTimestamp(6, Transactions.ts(now));
            if (row.held == null) {
                s.setNull(7, Types.BIGINT);
            } else {
                s.setLong(7, row.held);
            }
            s.setString(8, row.key);
            s.executeUpdate();
        }
    }

    /** A condition's event: its key made unique by the moment (the row lock makes that moment one instance's). */
    private Optional<AlertEvent> store(Connection c, AlertEvent draft, Instant now) throws SQLException {
        return draft == null ? Optional.empty() : Optional.of(insert(c, keyedByMoment(draft, now), now, null));
    }

    /** Stores a condition's event with its deliveries HELD until {@code until}, each logged as held; returns its id. */
    private long hold(Connection c, AlertEvent draft, Instant until, Instant now) throws SQLException {
        return insert(c, keyedByMoment(draft, now), now, until).id();
    }

    private static AlertEvent keyedByMoment(AlertEvent draft, Instant now) {
        String suffix = "@" + now.toEpochMilli();
        String key = cut(draft.key(), 191 - suffix.length()) + suffix;
        return new AlertEvent(null, key, draft.kind(), draft.cluster(), draft.tenant(), draft.summary(), draft.detail(),
                draft.obCode(), draft.obText(), draft.nextStep(), null, draft.since(), draft.repeats(), null);
    }

    /** A held event goes now, saying what holds now (its kind, summary, count of openings). */
    private AlertEvent release(Connection c, long eventId, AlertEvent now, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_event SET kind = ?, summary = ?, detail = ?, "
                + "next_step = ?, since = ?, repeats = ? WHERE id = ?")) {
            s.setString(1, now.kind().name());
            s.setString(2, cut(now.summary(), 1024));
            s.setString(3, now.detail());
            s.setString(4, now.nextStep());
            s.setObject(5, now.since());
            s.setInt(6, now.repeats());
            s.setLong(7, eventId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_delivery SET state = 'PENDING', next_attempt_at = ? "
                + "WHERE event_id = ? AND state = 'HELD'")) {
            s.setTimestamp(1, Transactions.ts(at));
            s.setLong(2, eventId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM alert_event WHERE id = ?")) {
            s.setLong(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return event(rs);
            }
        }
    }

    /** A held event will not go: each of its deliveries ends NOT_SENT, logged with why. */
    private void withdraw(Connection c, long eventId, String why, Instant now) throws SQLException {
        List<long[]> held = new ArrayList<>();
        String kind;
        try (PreparedStatement s = c.prepareStatement("SELECT d.id, d.channel_id, e.kind FROM alert_delivery d "
                + "JOIN alert_event e ON e.id = d.event_id WHERE d.event_id = ? AND d.state = 'HELD'")) {
            s.setLong(1, eventId);
            kind = null;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    held.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    kind = rs.getString(3);
                }
            }
        }
        for (long[] delivery : held) {
            try (PreparedStatement s = c.prepareStatement("UPDATE alert_delivery SET state = 'NOT_SENT', last_error = ?, "
                    + "done_at = ? WHERE id = ?")) {
                s.setString(1, cut(why, 1024));
                s.setTimestamp(2, Transactions.ts(now));
                s.setLong(3, delivery[0]);
                s.executeUpdate();
            }
            DeliveryWorker.log(c, delivery[1], eventId, AlertKind.valueOf(kind), DeliveryOutcome.NOT_SENT, 0, null, why,
                    instance, now);
        }
    }

    /** Inserts the event and one delivery per channel that routes it: due now, or HELD until {@code heldUntil}. */
    private AlertEvent insert(Connection c, AlertEvent draft, Instant now, Instant heldUntil) throws SQLException {
        String link = links.of(draft);
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_event (event_key, kind, cluster_name, tenant_name, "
                + "summary, detail, ob_code, ob_text, next_step, link, since, repeats, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, draft.key());
            s.setString(2, draft.kind().name());
            s.setString(3, draft.cluster());
            s.setString(4, draft.tenant());
            s.setString(5, cut(draft.summary(), 1024));
            s.setString(6, draft.detail());
            if (draft.obCode() == null) {
                s.setNull(7, Types.INTEGER);
            } else {
                s.setInt(7, draft.obCode());
            }
            s.setString(8, draft.obText());
            s.setString(9, draft.nextStep());
            s.setString(10, link);
            s.setObject(11, draft.since());
            s.setInt(12, draft.repeats());
            s.setTimestamp(13, Transactions.ts(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        AlertEvent event = draft.stored(id, link, now);
        for (Channel channel : ChannelStore.list(c)) {
            if (channel.routes(event)) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_delivery (event_id, channel_id, state, "
                        + "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 0, ?, ?)")) {
                    s.setLong(1, id);
                    s.setLong(2, channel.id());
                    s.setString(3, heldUntil == null ? "PENDING" : "HELD");
                    s.setTimestamp(4, Transactions.ts(heldUntil == null ? now : heldUntil));
                    s.setTimestamp(5, Transactions.ts(now));
                    s.executeUpdate();
                }
                if (heldUntil != null) {
                    DeliveryWorker.log(c, channel.id(), id, event.kind(), DeliveryOutcome.HELD, 0, null, "held by grouping until "
                            + ClusterTime.utcText(heldUntil) + ": it came back within " + Durations.words(groupWindow)
                            + " of its recovery; it goes then if it still holds, else it is logged as not sent", instance, now,
                            heldUntil);
                }
            }
        }
        return event;
    }

    /** The newest events, for the API and the alerts page. */
    public List<AlertEvent> recent(int limit) {
        return Transactions.run(db, "alert events not read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM alert_event ORDER BY id DESC LIMIT ?")) {
                s.setInt(1, limit);
                List<AlertEvent> events = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(event(rs));
                    }
                }
                return events;
            }
        });
    }

    static AlertEvent event(ResultSet rs) throws SQLException {
        int code = rs.getInt("ob_code");
        Integer obCode = rs.wasNull() ? null : code;
        return new AlertEvent(rs.getLong("id"), rs.getString("event_key"), AlertKind.valueOf(rs.getString("kind")),
                rs.getString("cluster_name"), rs.getString("tenant_name"), rs.getString("summary"), rs.getString("detail"),
                obCode, rs.getString("ob_text"), rs.getString("next_step"), rs.getString("link"),
                rs.getObject("since", LocalDateTime.class), rs.getInt("repeats"),
                Transactions.instant(rs.getTimestamp("occurred_at")));
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
