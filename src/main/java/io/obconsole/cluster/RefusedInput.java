package io.obconsole.cluster;

/**
 * A refusal of what a person sent, as two texts: the message they read (which may quote what they
 * typed, so they can find it) and the rule it broke (which never quotes it), the only part the
 * audit trail keeps. It lives here, in the package every other one builds on, so the cluster's own
 * identifier checks carry it like the request checks above them.
 */
public interface RefusedInput {

    /** What was wrong, in words that quote nothing of the refused input. */
    String rule();
}
