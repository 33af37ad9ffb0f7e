package io.obconsole.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends due deliveries. A delivery is claimed with a conditional UPDATE before it is sent, so of
 * several console instances exactly one sends it; a failed attempt is retried with doubling
 * delays until the attempts run out (GAVE_UP). Every attempt lands in the channel's delivery log.
 * A plain object: each console instance has one (tests make two against one database).
 */
public final class DeliveryWorker {

    /** How long a claim holds: longer than any send (its timeout) so no other instance steps in meanwhile. */
    private final Duration claimFor;
    private final Notifier notifier;
    private final String instance;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final int maxAttempts;
    private final Clock clock;

    public DeliveryWorker(Notifier notifier, String instance, Duration sendTimeout, Duration retryInitial,
            Duration retryMax, int maxAttempts, Clock clock) {
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
        return AlertTables.call("due deliveries not read", () -> Delivery.<Delivery>find("state in ?1 and nextAttemptAt <= ?2 "
                + "and (claimedUntil is null or claimedUntil < ?2) order by id", DeliveryState.DUE, now).page(0, max).list()
                .stream().map(delivery -> delivery.id).toList());
    }

    /**
     * The database decides: only the instance whose conditional UPDATE changed the row sends it (one
     * statement, so two instances never both win it).
     */
    private boolean claim(long id) {
        Instant now = clock.instant();
        return AlertTables.call("delivery not claimed", () -> Delivery.update("claimedBy = ?1, claimedUntil = ?2 "
                + "where id = ?3 and state in ?4 and nextAttemptAt <= ?5 and (claimedUntil is null or claimedUntil < ?5)",
                instance, now.plus(claimFor), id, DeliveryState.DUE, now)) == 1;
    }

    private record Due(long id, long channelId, int attempts, Instant nextAttemptAt, AlertEvent event,
            Optional<Channel> channel) {
    }

    private void attempt(long id) {
        Due due = load(id);
        int attempt = due.attempts + 1;
        if (due.channel.isEmpty() || !due.channel.get().enabled()) {
            finish(due, DeliveryState.GAVE_UP, attempt, null, null, "channel deleted or disabled");
            return;
        }
        Notifier.Result result = notifier.send(due.channel.get(), due.event);
        if (result.delivered()) {
            finish(due, DeliveryState.SENT, attempt, null, result.status(), result.detail());
        } else if (attempt >= maxAttempts) {
            finish(due, DeliveryState.GAVE_UP, attempt, null, result.status(), result.detail() + "; gave up after "
                    + attempt + " attempts");
        } else {
            Instant next = clock.instant().plus(backoff(attempt));
            finish(due, DeliveryState.RETRY, attempt, next, result.status(), result.detail() + "; next attempt at " + next);
        }
    }

    Duration backoff(int attempt) {
        Duration delay = retryInitial.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    private Due load(long id) {
        return AlertTables.call("delivery not read", () -> {
            Delivery delivery = Delivery.findById(id);
            AlertEvent event = StoredEvent.<StoredEvent>findById(delivery.eventId).event();
            Optional<Channel> channel = StoredChannel.<StoredChannel>findByIdOptional(delivery.channelId)
                    .map(StoredChannel::channel);
            return new Due(id, delivery.channelId, delivery.attempts, delivery.nextAttemptAt, event, channel);
        });
    }

    /**
     * Stores the attempt's outcome if this instance still holds the claim (one conditional UPDATE, as
     * the claim), and logs it; {@code next} is when a delivery to be retried goes next (a claimed
     * delivery's next attempt time changes nowhere else).
     */
    private void finish(Due due, DeliveryState state, int attempt, Instant next, Integer status, String detail) {
        Instant now = clock.instant();
        AlertTables.run("delivery outcome not stored", () -> {
            Delivery.update("state = ?1, attempts = ?2, nextAttemptAt = ?3, claimedBy = null, claimedUntil = null, "
                    + "lastStatus = ?4, lastError = ?5, doneAt = ?6 where id = ?7 and claimedBy = ?8", state, attempt,
                    next == null ? due.nextAttemptAt : next, status, AlertStore.cut(detail, 1024), next == null ? now : null,
                    due.id, instance);
            DeliveryLogLine.write(due.channelId, due.event.id(), due.event.kind(), state.logged(), attempt, status, detail,
                    instance, now, next);
        });
    }
}
