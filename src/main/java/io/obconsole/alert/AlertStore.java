package io.obconsole.alert;

import io.agroal.api.AgroalDataSource;
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
 * it was notified, and when a repeat is grouped instead of sent.
 */
@ApplicationScoped
public class AlertStore {

    private final DataSource db;
    private final Links links;
    private final Duration groupWindow;
    private final Clock clock;

    @Inject
    public AlertStore(AgroalDataSource db, Links links, AlertConfig config) {
        this(db, links, config.groupWindow(), Clock.systemUTC());
    }

    AlertStore(DataSource db, Links links, Duration groupWindow, Clock clock) {
        this.db = db;
        this.links = links;
        this.groupWindow = groupWindow;
        this.clock = clock;
    }

    /** Stores a one-off event (a failed job, a policy run) unless its key is stored already. */
    public Optional<AlertEvent> raise(AlertEvent draft) {
        try {
            return Optional.of(Transactions.run(db, "alert event not stored", c -> insert(c, draft, clock.instant())));
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

    /**
     * Moves a condition to {@code level} (OK, AT_RISK or BREACHED; binary conditions use OK and
     * BREACHED) and stores the event {@code eventFor} builds when that is worth a message: a new or
     * worse level than the one notified, or a recovery of a notified one. A condition that comes
     * back within the group window after its recovery was sent is counted, not sent; it is sent
     * once the window has passed if it still holds.
     */
    public Optional<AlertEvent> condition(String key, ObjectiveState level, Function<Change, AlertEvent> eventFor) {
        Instant now = clock.instant();
        try {
            return Transactions.run(db, "alert condition not stored", c -> move(c, key, level, eventFor, now));
        } catch (AlertStoreException e) {
            if (Transactions.lostRace(e)) {
                // another instance changed the condition in the same moment; it has decided this round
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<AlertEvent> move(Connection c, String key, ObjectiveState level, Function<Change, AlertEvent> eventFor,
            Instant now) throws SQLException {
        ConditionRow row = lock(c, key);
        if (row == null) {
            if (level == ObjectiveState.OK) {
                write(c, true, new ConditionRow(key, level, null, null, null, 0), now);
                return Optional.empty();
            }
            AlertEvent event = eventFor.apply(new Change(null, level, 0, now));
            write(c, true, new ConditionRow(key, level, now, level, now, 0), now);
            return store(c, event, now);
        }
        ObjectiveState notified = row.notified == null ? ObjectiveState.OK : row.notified;
        if (level == ObjectiveState.OK) {
            if (row.level == ObjectiveState.OK) {
                return Optional.empty();
            }
            boolean recovery = notified != ObjectiveState.OK;
            write(c, false, new ConditionRow(key, level, null, recovery ? level : row.notified,
                    recovery ? now : row.lastNotifiedAt, row.flaps), now);
            return recovery ? store(c, eventFor.apply(new Change(notified, level, 0, row.openSince)), now) : Optional.empty();
        }
        boolean reopening = row.level == ObjectiveState.OK;
        Instant openSince = reopening ? now : row.openSince;
        int flaps = row.flaps + (reopening && row.notified != null ? 1 : 0);
        if (level.severity() <= notified.severity()) {
            if (reopening || level != row.level) {
                write(c, false, new ConditionRow(key, level, openSince, row.notified, row.lastNotifiedAt, row.flaps), now);
            }
            return Optional.empty();
        }
        boolean grouped = notified == ObjectiveState.OK && row.lastNotifiedAt != null
                && now.isBefore(row.lastNotifiedAt.plus(groupWindow));
        if (grouped) {
            if (reopening || level != row.level) {
                write(c, false, new ConditionRow(key, level, openSince, row.notified, row.lastNotifiedAt, flaps), now);
            }
            return Optional.empty();
        }
        // the opening being sent now is not a repeat
        int repeats = Math.max(0, flaps - (reopening && row.notified != null ? 1 : 0));
        AlertEvent event = eventFor.apply(new Change(row.notified, level, repeats, openSince));
        write(c, false, new ConditionRow(key, level, openSince, level, now, 0), now);
        return store(c, event == null ? null : event.withRepeats(repeats), now);
    }

    private record ConditionRow(String key, ObjectiveState level, Instant openSince, ObjectiveState notified,
            Instant lastNotifiedAt, int flaps) {
    }

    private static ConditionRow lock(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT level_name, open_since, notified_level, last_notified_at, "
                + "flaps FROM alert_condition WHERE condition_key = ? FOR UPDATE")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String notified = rs.getString(3);
                return new ConditionRow(key, ObjectiveState.valueOf(rs.getString(1)),
                        Transactions.instant(rs.getTimestamp(2)), notified == null ? null : ObjectiveState.valueOf(notified),
                        Transactions.instant(rs.getTimestamp(4)), rs.getInt(5));
            }
        }
    }

    private static void write(Connection c, boolean insert, ConditionRow row, Instant now) throws SQLException {
        String sql = insert
                ? "INSERT INTO alert_condition (level_name, open_since, notified_level, last_notified_at, flaps, updated_at, "
                        + "condition_key) VALUES (?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE alert_condition SET level_name = ?, open_since = ?, notified_level = ?, last_notified_at = ?, "
                        + "flaps = ?, updated_at = ? WHERE condition_key = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, row.level.name());
            s.setTimestamp(2, Transactions.ts(row.openSince));
            s.setString(3, row.notified == null ? null : row.notified.name());
            s.setTimestamp(4, Transactions.ts(row.lastNotifiedAt));
            s.setInt(5, row.flaps);
            s.setTimestamp(6, Transactions.ts(now));
            s.setString(7, row.key);
            s.executeUpdate();
        }
    }

    /** A condition's event: its key made unique by the moment (the row lock makes that moment one instance's). */
    private Optional<AlertEvent> store(Connection c, AlertEvent draft, Instant now) throws SQLException {
        if (draft == null) {
            return Optional.empty();
        }
        String suffix = "@" + now.toEpochMilli();
        String key = cut(draft.key(), 191 - suffix.length()) + suffix;
        return Optional.of(insert(c, new AlertEvent(null, key, draft.kind(), draft.cluster(), draft.tenant(), draft.summary(),
                draft.detail(), draft.obCode(), draft.obText(), draft.nextStep(), null, draft.since(), draft.repeats(), null),
                now));
    }

    private AlertEvent insert(Connection c, AlertEvent draft, Instant now) throws SQLException {
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
                        + "attempts, next_attempt_at, created_at) VALUES (?, ?, 'PENDING', 0, ?, ?)")) {
                    s.setLong(1, id);
                    s.setLong(2, channel.id());
                    s.setTimestamp(3, Transactions.ts(now));
                    s.setTimestamp(4, Transactions.ts(now));
                    s.executeUpdate();
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
