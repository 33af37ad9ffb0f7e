package io.obconsole.window;

import io.obconsole.cluster.BackupType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The recoverable window's benchmark (never part of the test run): one tenant with 5,000 backup
 * sets (a full set and nine incremental ones, over and over) and 50,000 hourly archive pieces over
 * two destinations, with a few gaps (archive stopped, a deleted piece), read in shuffled order.
 * Warms up, then prints the median and p99 of the computation. Goal: under 50 ms.
 *
 * <pre>java -cp target/classes:target/test-classes io.obconsole.window.RestoreWindowBench [sets pieces runs]</pre>
 */
public final class RestoreWindowBench {

    private static final long HOUR = 3_600_000_000_000L;

    private RestoreWindowBench() {
    }

    public static void main(String[] args) {
        int setCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int pieceCount = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        long base = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        List<ArchivePiece> pieces = pieces(base, pieceCount);
        List<RestoreSet> sets = sets(base, setCount, pieceCount);

        RestoreWindow window = null;
        for (int i = 0; i < runs; i++) {
            window = RestoreWindow.of(sets, pieces);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] millis = new double[runs];
        double[] cpuMillis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            window = RestoreWindow.of(sets, pieces);
            millis[i] = (System.nanoTime() - started) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        System.out.printf("==== recoverable window: %d backup sets, %d archive pieces, %d runs after %d warm-up ====%n",
                sets.size(), pieces.size(), runs, runs);
        System.out.printf("wall: median %.2f ms  p99 %.2f ms  max %.2f ms  (goal: under 50 ms)%n",
                millis[runs / 2], millis[(int) Math.ceil(runs * 0.99) - 1], millis[runs - 1]);
        // the thread's own CPU time: what the computation costs when the machine is shared
        System.out.printf("cpu:  median %.2f ms  p99 %.2f ms  (load average %.1f on %d cores)%n", cpuMillis[runs / 2],
                cpuMillis[(int) Math.ceil(runs * 0.99) - 1], ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%d intervals, earliest %s, latest %s%n", window.intervals().size(),
                window.earliest().map(Scn::utc).orElse("-"), window.latest().map(Scn::utc).orElse("-"));
    }

    /** The benchmark's history as one window: {@code setCount} sets over {@code pieceCount} hourly pieces. */
    public static RestoreWindow longHistory(int setCount, int pieceCount) {
        long base = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        return RestoreWindow.of(sets(base, setCount, pieceCount), pieces(base, pieceCount));
    }

    /** Hourly pieces; the archive stops three times (a day each) and one piece was deleted; the last third on a new destination. */
    private static List<ArchivePiece> pieces(long base, int count) {
        List<ArchivePiece> pieces = new ArrayList<>(count);
        long round = 1;
        long start = base;
        for (int i = 0; i < count; i++) {
            boolean stopped = i > 0 && i % (count / 4) == 0;
            if (stopped) {
                round++;
                start += 24 * HOUR;
            }
            long dest = i < count * 2 / 3 ? 1 : 2;
            FileStatus status = i == count / 3 ? FileStatus.DELETED : FileStatus.AVAILABLE;
            boolean last = i == count - 1;
            pieces.add(new ArchivePiece(dest, round, i + 1, new Scn(start), new Scn(start + (last ? HOUR / 2 : HOUR)),
                    new Scn(start + HOUR), status));
            start += HOUR;
        }
        Collections.shuffle(pieces, new Random(21));
        return pieces;
    }

    /** A set every ten hours of archive, each replaying from its start and restorable five minutes later. */
    private static List<RestoreSet> sets(long base, int count, int pieceCount) {
        long every = (long) pieceCount * HOUR / count;
        List<RestoreSet> sets = new ArrayList<>(count);
        long full = 0;
        for (int i = 0; i < count; i++) {
            long id = i + 1;
            boolean isFull = i % 10 == 0;
            full = isFull ? id : full;
            long start = base + i * every + HOUR / 3;
            sets.add(new RestoreSet(id, isFull ? BackupType.FULL : BackupType.INCREMENTAL, isFull ? 0 : full,
                    isFull ? 0 : id - 1, true, FileStatus.AVAILABLE, false, i % 7 == 0, new Scn(start),
                    new Scn(start + HOUR / 12)));
        }
        Collections.shuffle(sets, new Random(24));
        return sets;
    }
}
