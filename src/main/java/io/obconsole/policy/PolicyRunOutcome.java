package io.obconsole.policy;

/** How a scheduled slot of a backup policy ended. */
public enum PolicyRunOutcome {
    STARTED,
    SKIPPED,
    MISSED,
    FAILED_TO_START
}
