package io.obconsole.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * This instance's delivery worker on a one-second tick, the test button's sample, and the
 * channels' delivery logs.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** The scheduled tick's identity (tests pause it to drive workers themselves). */
    public static final String TICK = "alert-delivery";

    private static final int PER_TICK = 50;

    private final AgroalDataSource db;
    private final AlertConfig config;
    private final Notifier notifier;
    private final DeliveryWorker worker;
    private final String instance;
    private volatile String lastProblem;

    public Deliveries(AgroalDataSource db, AlertConfig config, ObjectMapper json) {
        this.db = db;
        this.config = config;
        this.notifier = new Notifier(json, name -> config.keys().get(name), config.sendTimeout(), Clock.systemUTC());
        this.instance = config.instanceName().orElseGet(Deliveries::hostName);
        this.worker = newWorker(instance);
    }

    /** A worker as another console instance would run it against the same database. */
    public DeliveryWorker newWorker(String instanceName) {
        return new DeliveryWorker(db, notifier, instanceName, config.sendTimeout(), config.retryInitial(),
                config.retryMax(), config.maxAttempts(), Clock.systemUTC());
    }

    @Scheduled(identity = TICK, every = "${console.alerts.delivery-tick}", delayed = "5S", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            worker.deliverDue(PER_TICK);
            lastProblem = null;
        } catch (AlertStoreException e) {
            if (!e.getMessage().equals(lastProblem)) {
                LOG.warnf("Alert deliveries wait for the console database: %s", e.getMessage());
                lastProblem = e.getMessage();
            }
        }
    }

    /** Sends a sample event to the channel now (not queued), logs it, and says what the receiver answered. */
    public Notifier.Result test(Channel channel, String by) {
        AlertEvent sample = new AlertEvent(0L, "test", AlertKind.TEST, null, null,
                "Test notification from the OB Backup Console, sent by " + by, null, null, null, AlertKind.TEST.nextStep(),
                null, null, 0, Instant.now());
        Notifier.Result result = notifier.send(channel, sample);
        Transactions.run(db, "test delivery not logged", c -> {
            DeliveryWorker.log(c, channel.id(), null, AlertKind.TEST, result.delivered() ? DeliveryOutcome.TEST_SENT
                    : DeliveryOutcome.TEST_FAILED, 1, result.status(), result.detail(), instance, Instant.now());
            return null;
        });
        return result;
    }

    /** The channel's newest delivery log lines. */
    public List<DeliveryLogEntry> log(long channelId, int limit) {
        return Transactions.run(db, "delivery log not read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, channel_id, event_id, kind, outcome, attempt, "
                    + "receiver_status, detail, instance_name, logged_at, next_at FROM alert_delivery_log WHERE channel_id = ? "
                    + "ORDER BY id DESC LIMIT ?")) {
                s.setLong(1, channelId);
                s.setInt(2, limit);
                List<DeliveryLogEntry> entries = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long event = rs.getLong(3);
                        Long eventId = rs.wasNull() ? null : event;
                        int status = rs.getInt(7);
                        Integer receiverStatus = rs.wasNull() ? null : status;
                        entries.add(new DeliveryLogEntry(rs.getLong(1), rs.getLong(2), eventId,
                                AlertKind.valueOf(rs.getString(4)), DeliveryOutcome.valueOf(rs.getString(5)), rs.getInt(6),
                                receiverStatus, rs.getString(8), rs.getString(9), Transactions.instant(rs.getTimestamp(10)),
                                Transactions.instant(rs.getTimestamp(11))));
                    }
                }
                return entries;
            }
        });
    }

    /** A message grouping holds back from a channel now: its event, and when it goes if its condition still holds. */
    public record Held(long eventId, AlertKind kind, String summary, Instant until) {
    }

    /** What grouping holds back from the channel now, the soonest to go first. */
    public List<Held> held(long channelId) {
        return Transactions.run(db, "held deliveries not read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT e.id, e.kind, e.summary, d.next_attempt_at FROM alert_delivery d "
                    + "JOIN alert_event e ON e.id = d.event_id WHERE d.channel_id = ? AND d.state = 'HELD' "
                    + "ORDER BY d.next_attempt_at, e.id")) {
                s.setLong(1, channelId);
                List<Held> held = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        held.add(new Held(rs.getLong(1), AlertKind.valueOf(rs.getString(2)), rs.getString(3),
                                Transactions.instant(rs.getTimestamp(4))));
                    }
                }
                return held;
            }
        });
    }

    /** How many messages grouping holds back now, per channel id (channels holding none are absent). */
    public java.util.Map<Long, Integer> heldCounts() {
        return Transactions.run(db, "held deliveries not counted", c -> {
            java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT channel_id, COUNT(*) FROM alert_delivery WHERE state = 'HELD' GROUP BY channel_id")) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "console";
        }
    }
}
