package io.obconsole.drill;

/** Which point in time a drill restores to. */
public enum DrillPoint {
    /** The latest point of the recoverable window (what a restore after an outage would ask for). */
    LATEST,
    /** A random point inside the recoverable window: older sets and the archive between them are exercised too. */
    RANDOM
}
