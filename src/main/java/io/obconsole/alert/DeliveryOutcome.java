package io.obconsole.alert;

/** One line of a channel's delivery log: sent, to be retried, given up, or a test sample's result. */
public enum DeliveryOutcome {
    SENT, RETRIED, GAVE_UP, TEST_SENT, TEST_FAILED
}
