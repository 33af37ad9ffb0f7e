package io.obconsole.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final AlertConfig config;
    private final Notifier notifier;
    private final DeliveryWorker worker;
    private final String instance;
    private volatile String lastProblem;

    public Deliveries(AlertConfig config, ObjectMapper json) {
        this.config = config;
        this.notifier = new Notifier(json, name -> config.keys().get(name), config.sendTimeout(), Clock.systemUTC());
        this.instance = config.instanceName().orElseGet(Deliveries::hostName);
        this.worker = newWorker(instance);
    }

    /** A worker as another console instance would run it against the same database. */
    public DeliveryWorker newWorker(String instanceName) {
        return new DeliveryWorker(notifier, instanceName, config.sendTimeout(), config.retryInitial(),
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
        AlertTables.run("test delivery not logged", () -> DeliveryLogLine.write(channel.id(), null, AlertKind.TEST,
                result.delivered() ? DeliveryOutcome.TEST_SENT : DeliveryOutcome.TEST_FAILED, 1, result.status(),
                result.detail(), instance, Instant.now(), null));
        return result;
    }

    /** The channel's newest delivery log lines. */
    public List<DeliveryLogEntry> log(long channelId, int limit) {
        return AlertTables.call("delivery log not read", () -> DeliveryLogLine.<DeliveryLogLine>find(
                "channelId = ?1 order by id desc", channelId).page(0, limit).list().stream().map(DeliveryLogLine::entry)
                .toList());
    }

    /** A message grouping holds back from a channel now: its event, and when it goes if its condition still holds. */
    public record Held(long eventId, AlertKind kind, String summary, Instant until) {
    }

    /** What grouping holds back from the channel now, the soonest to go first. */
    public List<Held> held(long channelId) {
        return AlertTables.call("held deliveries not read", () -> Delivery.getEntityManager().createQuery(
                "select e.id, e.kind, e.summary, d.nextAttemptAt from Delivery d, StoredEvent e where e.id = d.eventId "
                        + "and d.channelId = ?1 and d.state = ?2 order by d.nextAttemptAt, e.id", Object[].class)
                .setParameter(1, channelId).setParameter(2, DeliveryState.HELD).getResultList().stream()
                .map(row -> new Held((Long) row[0], (AlertKind) row[1], (String) row[2], (Instant) row[3])).toList());
    }

    /** How many messages grouping holds back now, per channel id (channels holding none are absent). */
    public Map<Long, Integer> heldCounts() {
        return AlertTables.call("held deliveries not counted", () -> {
            Map<Long, Integer> counts = new HashMap<>();
            Delivery.getEntityManager().createQuery("select d.channelId, count(d) from Delivery d where d.state = ?1 "
                    + "group by d.channelId", Object[].class).setParameter(1, DeliveryState.HELD).getResultList()
                    .forEach(row -> counts.put((Long) row[0], ((Long) row[1]).intValue()));
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
