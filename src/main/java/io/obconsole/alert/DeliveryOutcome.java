package io.obconsole.alert;

/**
 * What one line of a channel's delivery log says happened, as {@code alert_delivery_log.outcome}
 * stores it: sent, to be retried, given up, held by grouping (with when it goes), not sent after
 * all (the held condition cleared, or a message went instead), or a test sample's result. Where a
 * queued delivery stands meanwhile is its {@link DeliveryState}.
 */
public enum DeliveryOutcome {
    SENT, RETRIED, GAVE_UP, HELD, NOT_SENT, TEST_SENT, TEST_FAILED
}
