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
import java.time.LocalDateTime;

/** An event to notify, stored before any delivery is tried; its UNIQUE key makes it exactly-once across instances. */
@Entity
@Table(name = "alert_event")
public class StoredEvent extends PanacheEntityBase {

    private static final int SUMMARY_LENGTH = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_key", nullable = false)
    public String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public AlertKind kind;

    @Column(name = "cluster_name")
    public String cluster;

    @Column(name = "tenant_name")
    public String tenant;

    @Column(name = "summary", nullable = false)
    public String summary;

    @Column(name = "detail")
    public String detail;

    @Column(name = "ob_code")
    public Integer obCode;

    @Column(name = "ob_text")
    public String obText;

    @Column(name = "next_step")
    public String nextStep;

    @Column(name = "link")
    public String link;

    /** Cluster time. */
    @Column(name = "since")
    public LocalDateTime since;

    @Column(name = "repeats", nullable = false)
    public int repeats;

    @Convert(converter = UtcTime.class)
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The draft, stored now under its link; the stored row. */
    static StoredEvent store(AlertEvent draft, String link, Instant now) {
        StoredEvent stored = new StoredEvent();
        stored.key = draft.key();
        stored.cluster = draft.cluster();
        stored.tenant = draft.tenant();
        stored.obCode = draft.obCode();
        stored.obText = draft.obText();
        stored.link = link;
        stored.occurredAt = now;
        stored.say(draft);
        stored.persist();
        return stored;
    }

    /** What the event says from now on: its kind, summary, detail, next step, since and count of openings. */
    void say(AlertEvent now) {
        kind = now.kind();
        summary = AlertStore.cut(now.summary(), SUMMARY_LENGTH);
        detail = now.detail();
        nextStep = now.nextStep();
        since = now.since();
        repeats = now.repeats();
    }

    AlertEvent event() {
        return new AlertEvent(id, key, kind, cluster, tenant, summary, detail, obCode, obText, nextStep, link, since, repeats,
                occurredAt);
    }
}
