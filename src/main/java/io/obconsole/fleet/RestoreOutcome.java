package io.obconsole.fleet;

/** How an ended restore ended, in the words its metrics and pages use: restored, failed, or cancelled by someone. */
public enum RestoreOutcome {
    SUCCESS, FAIL, CANCELED
}
