package io.obconsole.alert;

import java.time.Instant;

/**
 * What one attempt to deliver an event to a channel did, with the receiver's HTTP status when it answered.
 *
 * @param nextAt when the delivery goes next: a HELD line's end of grouping, a RETRIED line's next attempt; null otherwise
 */
public record DeliveryLogEntry(long id, long channelId, Long eventId, AlertKind kind, DeliveryOutcome outcome, int attempt,
        Integer receiverStatus, String detail, String instance, Instant at, Instant nextAt) {
}
