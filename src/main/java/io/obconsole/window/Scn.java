package io.obconsole.window;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * OceanBase's system change number: nanoseconds since 1970-01-01 UTC, so a point of the archive
 * log is also a point in time ({@code SCN_TO_TIMESTAMP}, {@code TIMESTAMP_TO_SCN}).
 */
public record Scn(long value) implements Comparable<Scn> {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final DateTimeFormatter UTC = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).appendLiteral(" UTC").toFormatter()
            .withZone(ZoneOffset.UTC);

    public Scn {
        if (value <= 0) {
            throw new InvalidRestorePointException("An SCN is a positive whole number (nanoseconds since 1970-01-01 UTC)");
        }
    }

    /** The SCN of an instant; refused before 1970 or after 2262-04-11, which a signed SCN cannot hold. */
    public static Scn of(Instant instant) {
        try {
            return new Scn(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano()));
        } catch (ArithmeticException e) {
            throw new InvalidRestorePointException(instant + " is later than the last point an SCN can hold");
        }
    }

    /** An SCN as an operator types it: digits only, e.g. {@code 1676908801000000000}. */
    public static Scn parse(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("[0-9]{1,19}")) {
            throw new InvalidRestorePointException("An SCN is a whole number of up to 19 digits, e.g. 1676908801000000000");
        }
        try {
            return new Scn(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new InvalidRestorePointException("An SCN is at most " + Long.MAX_VALUE);
        }
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(value / NANOS_PER_SECOND, value % NANOS_PER_SECOND);
    }

    /** The point in UTC as an operator reads it, e.g. {@code 2023-02-20 16:00:01 UTC} (fraction only when there is one). */
    public String utc() {
        return UTC.format(toInstant());
    }

    public boolean isBefore(Scn other) {
        return value < other.value;
    }

    public boolean isAfter(Scn other) {
        return value > other.value;
    }

    @Override
    public int compareTo(Scn other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
