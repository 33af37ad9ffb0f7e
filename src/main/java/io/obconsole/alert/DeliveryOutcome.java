package io.obconsole.alert;

/**
 * One line of a channel's delivery log: sent, to be retried, given up, held by grouping (with when
 * it goes), not sent after all (the held condition cleared, or a message went instead), or a test
 * sample's result.
 */
public enum DeliveryOutcome {
    SENT, RETRIED, GAVE_UP, HELD, NOT_SENT, TEST_SENT, TEST_FAILED
}
