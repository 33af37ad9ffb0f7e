package io.obconsole.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Wall-clock time running {@code scale} times faster from the moment it was made, for demos. */
public final class ScaledClock extends Clock {

    private final Clock base;
    private final Instant origin;
    private final double scale;

    public ScaledClock(Clock base, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("time scale must be positive: " + scale);
        }
        this.base = base;
        this.origin = base.instant();
        this.scale = scale;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), scale);
    }

    @Override
    public Instant instant() {
        Duration real = Duration.between(origin, base.instant());
        return origin.plusNanos((long) (real.toNanos() * scale));
    }
}
