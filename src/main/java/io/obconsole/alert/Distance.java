package io.obconsole.alert;

import java.time.Duration;

/**
 * How far a tenant (or one figure of its objective) is from a breach: due in some time, passed some
 * time ago, not due (nothing that grows with the clock approaches a limit: an archive that keeps
 * up), or not to be met as things are (no backup set, no archived log). Computed once by the
 * evaluator and worded once, so pages, the API, metrics and alerts say the same.
 *
 * @param left  time left before the limit is passed (negative: passed that long ago); null unless DUE or PASSED
 * @param until for UNMEETABLE, what has to happen first ("a backup set succeeds")
 */
public record Distance(Kind kind, Duration left, String until) implements Comparable<Distance> {

    /** The four ways a figure stands against its limit, in the order "first breached" wins. */
    public enum Kind {
        UNMEETABLE, PASSED, DUE, NOT_DUE
    }

    public static final Distance NOT_DUE = new Distance(Kind.NOT_DUE, null, null);

    /** Due in {@code left}; passed when {@code left} is negative. */
    public static Distance in(Duration left) {
        return new Distance(left.isNegative() ? Kind.PASSED : Kind.DUE, left, null);
    }

    public static Distance unmeetableUntil(String what) {
        return new Distance(Kind.UNMEETABLE, null, what);
    }

    /** The one that is breached first (of two figures, the tenant's distance). */
    public Distance first(Distance other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Breached first sorts first: unmeetable, then breached longest ago, then due soonest, then not due. */
    @Override
    public int compareTo(Distance other) {
        if (kind != other.kind) {
            return kind.compareTo(other.kind);
        }
        return left == null || other.left == null ? 0 : left.compareTo(other.left);
    }

    /** Seconds left (negative once passed); null when no time applies (not due, unmeetable). */
    public Long seconds() {
        return left == null ? null : left.getSeconds();
    }

    /** "breaches in 4 h 15 min", "breached 2 d ago", "no breach due", "cannot be met until a backup set succeeds". */
    public String words() {
        return switch (kind) {
            case DUE -> "breaches in " + Durations.words(left);
            case PASSED -> "breached " + Durations.words(left.negated()) + " ago";
            case NOT_DUE -> "no breach due";
            case UNMEETABLE -> "cannot be met until " + until;
        };
    }

    @Override
    public String toString() {
        return words();
    }
}
