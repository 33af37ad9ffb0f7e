package io.obconsole.alert;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one delivery (an event to one channel) stands in the queue, as {@code alert_delivery.state}
 * stores it. Its log lines say what happened to it ({@link DeliveryOutcome}); each state a delivery
 * is moved into is logged as the outcome it names here.
 */
public enum DeliveryState {
    /** Due at its next attempt time. */
    PENDING(null),
    /** An attempt failed; due again at its next attempt time. */
    RETRY(DeliveryOutcome.RETRIED),
    /** Grouping holds it back until its next attempt time. */
    HELD(DeliveryOutcome.HELD),
    SENT(DeliveryOutcome.SENT),
    GAVE_UP(DeliveryOutcome.GAVE_UP),
    /** Held, and then not sent: its condition cleared, or a message went instead. */
    NOT_SENT(DeliveryOutcome.NOT_SENT);

    /** The states a worker claims a delivery in once its next attempt time has come. */
    static final Set<DeliveryState> DUE = EnumSet.of(PENDING, RETRY);

    private final DeliveryOutcome logged;

    DeliveryState(DeliveryOutcome logged) {
        this.logged = logged;
    }

    /** The delivery log's word for a delivery moved into this state. */
    DeliveryOutcome logged() {
        return logged;
    }
}
