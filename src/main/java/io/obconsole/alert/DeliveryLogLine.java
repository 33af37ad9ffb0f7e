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

/** A line of a channel's delivery log: every attempt with what the receiver answered, every hold and withdrawal. */
@Entity
@Table(name = "alert_delivery_log")
public class DeliveryLogLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "channel_id", nullable = false)
    public long channelId;

    /** Null for a test sample. */
    @Column(name = "event_id")
    public Long eventId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public AlertKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    public DeliveryOutcome outcome;

    @Column(name = "attempt", nullable = false)
    public int attempt;

    @Column(name = "receiver_status")
    public Integer receiverStatus;

    @Column(name = "detail")
    public String detail;

    @Column(name = "instance_name", nullable = false)
    public String instance;

    @Convert(converter = UtcTime.class)
    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;

    /** When the delivery goes next: a HELD line's end of grouping, a RETRIED line's next attempt; null otherwise. */
    @Convert(converter = UtcTime.class)
    @Column(name = "next_at")
    public Instant nextAt;

    /** Writes a line of the channel's log. */
    static void write(long channelId, Long eventId, AlertKind kind, DeliveryOutcome outcome, int attempt, Integer status,
            String detail, String instance, Instant at, Instant nextAt) {
        DeliveryLogLine line = new DeliveryLogLine();
        line.channelId = channelId;
        line.eventId = eventId;
        line.kind = kind;
        line.outcome = outcome;
        line.attempt = attempt;
        line.receiverStatus = status;
        line.detail = AlertStore.cut(detail, 1024);
        line.instance = instance;
        line.loggedAt = at;
        line.nextAt = nextAt;
        line.persist();
    }

    DeliveryLogEntry entry() {
        return new DeliveryLogEntry(id, channelId, eventId, kind, outcome, attempt, receiverStatus, detail, instance, loggedAt,
                nextAt);
    }
}
