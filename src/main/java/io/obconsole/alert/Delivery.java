package io.obconsole.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event to one channel: the UNIQUE (event, channel) pair makes a notification once per channel
 * across instances, and a worker claims a due row with a conditional update before it sends.
 */
@Entity
@Table(name = "alert_delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public long eventId;

    @Column(name = "channel_id", nullable = false)
    public long channelId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    public DeliveryState state;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Convert(converter = UtcTime.class)
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Convert(converter = UtcTime.class)
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** The receiver's HTTP status at the last attempt, if it answered. */
    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Convert(converter = UtcTime.class)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Convert(converter = UtcTime.class)
    @Column(name = "done_at")
    public Instant doneAt;

    /** Queues the event for the channel: {@code state} PENDING (due at once) or HELD, until {@code due}. */
    static void queue(long eventId, long channelId, DeliveryState state, Instant due, Instant now) {
        Delivery delivery = new Delivery();
        delivery.eventId = eventId;
        delivery.channelId = channelId;
        delivery.state = state;
        delivery.nextAttemptAt = due;
        delivery.createdAt = now;
        delivery.persist();
    }
}
