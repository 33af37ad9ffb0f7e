package io.obconsole.alert;

import java.time.Instant;

/** What one attempt to deliver an event to a channel did, with the receiver's HTTP status when it answered. */
public record DeliveryLogEntry(long id, long channelId, Long eventId, AlertKind kind, DeliveryOutcome outcome, int attempt,
        Integer receiverStatus, String detail, String instance, Instant at) {
}
