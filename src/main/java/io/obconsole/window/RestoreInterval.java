package io.obconsole.window;

/** A stretch of points a tenant can be restored to, both ends included. */
public record RestoreInterval(Scn from, Scn to) {

    public RestoreInterval {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A restore interval ends after it starts: " + from + " > " + to);
        }
    }

    public static RestoreInterval of(long from, long to) {
        return new RestoreInterval(new Scn(from), new Scn(to));
    }

    public boolean contains(Scn point) {
        return !point.isBefore(from) && !point.isAfter(to);
    }

    /** e.g. {@code from 2024-04-09 15:59:54 UTC to 2024-04-09 16:01:54 UTC}. */
    public String utc() {
        return "from " + from.utc() + " to " + to.utc();
    }
}
