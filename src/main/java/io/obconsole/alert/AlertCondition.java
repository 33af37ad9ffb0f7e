package io.obconsole.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A condition that holds for a while (objective at risk, cluster unreachable, job stalled, audit
 * chain broken), one row each, locked while it changes so every console instance agrees whether it
 * is open, whether it was notified, and which event grouping holds back.
 */
@Entity
@Table(name = "alert_condition")
public class AlertCondition extends PanacheEntityBase {

    @Id
    @Column(name = "condition_key", nullable = false)
    public String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "level_name", nullable = false)
    public ObjectiveState level;

    @Convert(converter = UtcTime.class)
    @Column(name = "open_since")
    public Instant openSince;

    /** The level last notified ({@code OK} after a recovery); null if never. */
    @Enumerated(EnumType.STRING)
    @Column(name = "notified_level")
    public ObjectiveState notified;

    @Convert(converter = UtcTime.class)
    @Column(name = "last_notified_at")
    public Instant lastNotifiedAt;

    /** Openings grouped since the last message. */
    @Column(name = "flaps", nullable = false)
    public int flaps;

    @Convert(converter = UtcTime.class)
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The event grouping holds back, if any. */
    @Column(name = "held_event_id")
    public Long heldEventId;
}
