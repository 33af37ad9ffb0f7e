package io.obconsole.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sends due deliveries. A delivery is claimed with a conditional UPDATE before it is sent, so of
 * several console instances exactly one sends it; a failed attempt is retried with doubling
 * delays until the attempts run out (GAVE_UP). Every attempt lands in the channel's delivery log.
 * A plain object: each console instance has one (tests make two against one database).
 */
public final class DeliveryWorker {

    /** How long a claim holds: longer than any send (its timeout) so no other instance steps in meanwhile. */
    private final Duration claimFor;
    private final DataSource db;
    private final Notifier notifier;
    private final String instance;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final int maxAttempts;
    private final Clock clock;

    public DeliveryWorker(DataSource db, Notifier notifier, String instance, Duration sendTimeout, Duration retryInitial,
            Duration retryMax, int maxAttempts, Clock clock) {
        this.db = db;
        this.notifier = notifier;
        this.instance = instance;
        this.claimFor = sendTimeout.multipliedBy(3);
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** Sends what is due now, at most {@code max} deliveries; returns how many it attempted. */
    public int deliverDue(int max) {
        int attempted = 0;
        for (long id : due(max)) {
            if (claim(id)) {
                attempt(id);
                attempted++;
            }
        }
        return attempted;
    }

    private List<Long> due(int max) {
        Instant now = clock.instant();
        return Transactions.run(db, "due deliveries not read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM alert_delivery WHERE state IN ('PENDING', 'RETRY') "
                    + "AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT ?")) {
                s.setTimestamp(1, Transactions.ts(now));
                s.setTimestamp(2, Transactions.ts(now));
                s.setInt(3, max);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /** The database decides: only the instance whose UPDATE changed the row sends it. */
    private boolean claim(long id) {
        Instant now = clock.instant();
        return Transactions.run(db, "delivery not claimed", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE alert_delivery SET claimed_by = ?, claimed_until = ? "
                    + "WHERE id = ? AND state IN ('PENDING', 'RETRY') AND next_attempt_at <= ? "
                    + "AND (claimed_until IS NULL OR claimed_until < ?)")) {
                s.setString(1, instance);
                s.setTimestamp(2, Transactions.ts(now.plus(claimFor)));
                s.setLong(3, id);
                s.setTimestamp(4, Transactions.ts(now));
                s.setTimestamp(5, Transactions.ts(now));
                return s.executeUpdate() == 1;
            }
        });
    }

    private record Due(long id, long channelId, int attempts, AlertEvent event, Optional<Channel> channel) {
    }

    private void attempt(long id) {
        Due due = load(id);
        int attempt = due.attempts + 1;
        if (due.channel.isEmpty() || !due.channel.get().enabled()) {
            finish(due, "GAVE_UP", attempt, null, null, "channel deleted or disabled", DeliveryOutcome.GAVE_UP);
            return;
        }
        Notifier.Result result = notifier.send(due.channel.get(), due.event);
        if (result.delivered()) {
            finish(due, "SENT", attempt, null, result.status(), result.detail(), DeliveryOutcome.SENT);
        } else if (attempt >= maxAttempts) {
            finish(due, "GAVE_UP", attempt, null, result.status(), result.detail() + "; gave up after " + attempt
                    + " attempts", DeliveryOutcome.GAVE_UP);
        } else {
            Instant next = clock.instant().plus(backoff(attempt));
            finish(due, "RETRY", attempt, next, result.status(), result.detail() + "; next attempt at " + next,
                    DeliveryOutcome.RETRIED);
        }
    }

    Duration backoff(int attempt) {
        Duration delay = retryInitial.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    private Due load(long id) {
        return Transactions.run(db, "delivery not read", c -> {
            long eventId;
            long channelId;
            int attempts;
            try (PreparedStatement s = c.prepareStatement("SELECT event_id, channel_id, attempts FROM alert_delivery WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    eventId = rs.getLong(1);
                    channelId = rs.getLong(2);
                    attempts = rs.getInt(3);
                }
            }
            AlertEvent event;
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM alert_event WHERE id = ?")) {
                s.setLong(1, eventId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    event = AlertStore.event(rs);
                }
            }
            Optional<Channel> channel = ChannelStore.list(c).stream().filter(ch -> ch.id() == channelId).findFirst();
            return new Due(id, channelId, attempts, event, channel);
        });
    }

    private void finish(Due due, String state, int attempt, Instant next, Integer status, String detail,
            DeliveryOutcome outcome) {
        Instant now = clock.instant();
        Transactions.run(db, "delivery outcome not stored", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE alert_delivery SET state = ?, attempts = ?, "
                    + "next_attempt_at = COALESCE(?, next_attempt_at), claimed_by = NULL, claimed_until = NULL, "
                    + "last_status = ?, last_error = ?, done_at = ? WHERE id = ? AND claimed_by = ?")) {
                s.setString(1, state);
                s.setInt(2, attempt);
                s.setTimestamp(3, Transactions.ts(next));
                setStatus(s, 4, status);
                s.setString(5, AlertStore.cut(detail, 1024));
                s.setTimestamp(6, next == null ? Transactions.ts(now) : null);
                s.setLong(7, due.id);
                s.setString(8, instance);
                s.executeUpdate();
            }
            log(c, due.channelId, due.event.id(), due.event.kind(), outcome, attempt, status,
                    detail, instance, now, next);
            return null;
        });
    }

    static void log(Connection c, long channelId, Long eventId, AlertKind kind, DeliveryOutcome outcome, int attempt,
            Integer status, String detail, String instance, Instant at) throws SQLException {
        log(c, channelId, eventId, kind, outcome, attempt, status, detail, instance, at, null);
    }

    /** A log line; {@code nextAt} is when the delivery goes next (a HELD line's release, a RETRIED line's next attempt). */
    static void log(Connection c, long channelId, Long eventId, AlertKind kind, DeliveryOutcome outcome, int attempt,
            Integer status, String detail, String instance, Instant at, Instant nextAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_delivery_log (channel_id, event_id, kind, outcome, "
                + "attempt, receiver_status, detail, instance_name, logged_at, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, channelId);
            if (eventId == null) {
                s.setNull(2, Types.BIGINT);
            } else {
                s.setLong(2, eventId);
            }
            s.setString(3, kind.name());
            s.setString(4, outcome.name());
            s.setInt(5, attempt);
            setStatus(s, 6, status);
            s.setString(7, AlertStore.cut(detail, 1024));
            s.setString(8, instance);
            s.setTimestamp(9, Transactions.ts(at));
            s.setTimestamp(10, Transactions.ts(nextAt));
            s.executeUpdate();
        }
    }

    private static void setStatus(PreparedStatement s, int index, Integer status) throws SQLException {
        if (status == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, status);
        }
    }
}
