package io.obconsole.demo;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the demo cluster takes to answer, per view, in the magnitudes of a real cluster: a
 * {@code GV$} view fans out to every observer and backup-set files grow with the number of sets
 * (tens to hundreds of milliseconds), everything else answers from one server in a few. A restore
 * writes its backup's bytes at {@code restoreBytesPerSecond} of demo time, so its data phase follows
 * the backup's size, and replays the archived log {@code replaySpeedup} times faster than it was
 * written: {@link #NONE} as fast as the demo backs up (a 48 GiB set in under half a minute, a day's
 * log in a dozen seconds, so a drill of the demo fleet ends within a minute), {@link #REALISTIC} at
 * what a restore reads from object storage and replays on a loaded cluster. {@link #NONE} (the
 * default, and the tests') answers at once; {@link #REALISTIC} is for demos and benchmarks.
 *
 * @param gv                    range of a statement reading a {@code GV$} view
 * @param backupSets            range of a statement reading {@code *_OB_BACKUP_SET_FILES}
 * @param other                 range of any other statement
 * @param restoreBytesPerSecond how fast a restore writes the data of its backup sets (demo time)
 * @param replaySpeedup         how many times faster than it was written a restore replays the log
 */
public record DemoLatency(Range gv, Range backupSets, Range other, long restoreBytesPerSecond, long replaySpeedup) {

    /** A delay drawn evenly from {@code [min, max]}. */
    public record Range(Duration min, Duration max) {

        static Range millis(long min, long max) {
            return new Range(Duration.ofMillis(min), Duration.ofMillis(max));
        }

        Duration draw() {
            long from = min.toNanos();
            long to = max.toNanos();
            return Duration.ofNanos(to <= from ? from : ThreadLocalRandom.current().nextLong(from, to + 1));
        }
    }

    public static final DemoLatency NONE = new DemoLatency(Range.millis(0, 0), Range.millis(0, 0), Range.millis(0, 0),
            2L << 30, 7200);

    public static final DemoLatency REALISTIC = new DemoLatency(Range.millis(60, 250), Range.millis(40, 180),
            Range.millis(1, 5), 64L << 20, 600);

    /** {@code none} or {@code realistic}, as written in configuration or on the command line. */
    public static DemoLatency named(String name) {
        return switch (name == null ? "none" : name.trim().toLowerCase(Locale.ROOT)) {
            case "none", "off", "" -> NONE;
            case "realistic" -> REALISTIC;
            default -> throw new IllegalArgumentException("latency profile '" + name + "': use none or realistic");
        };
    }

    /** How long this statement takes: the slowest kind of view it reads decides. */
    public Duration of(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        if (upper.contains("GV$")) {
            return gv.draw();
        }
        if (upper.contains("BACKUP_SET_FILES")) {
            return backupSets.draw();
        }
        return other.draw();
    }

    public boolean none() {
        return equals(NONE);
    }
}
