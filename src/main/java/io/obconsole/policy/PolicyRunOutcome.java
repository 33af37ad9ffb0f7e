package io.obconsole.policy;

/** How a scheduled policy run ended up: started a backup, skipped, missed its slot, or failed to start. */
public enum PolicyRunOutcome {
    STARTED, SKIPPED, MISSED, FAILED_TO_START
}
