package io.obconsole.fleet;

import io.obconsole.cluster.BackupTask;
import java.util.List;
import java.util.Locale;

/**
 * How far a job is, the one computation every page, the API and the socket show: percent from
 * OceanBase's counters (finished over total macro blocks, tablets while no macro block is counted,
 * floored to a tenth so it never reads 100 before the end), output bytes, rate in bytes per
 * second, seconds to go, and whether the counters stopped moving.
 */
public record Progress(Double percent, long bytesDone, Long rate, Long etaSeconds, boolean stalled) {

    public static final Progress NONE = new Progress(null, 0, null, null, false);

    /** Finished over total macro blocks; tablets when no macro block is counted yet; null before either. */
    public static Double percent(List<BackupTask> tasks) {
        long blocks = 0, finishedBlocks = 0, tablets = 0, finishedTablets = 0;
        for (BackupTask task : tasks) {
            blocks += task.macroBlocks();
            finishedBlocks += task.finishedMacroBlocks();
            tablets += task.tablets();
            finishedTablets += task.finishedTablets();
        }
        if (blocks > 0) {
            return floor(finishedBlocks * 100.0 / blocks);
        }
        return tablets > 0 ? floor(finishedTablets * 100.0 / tablets) : null;
    }

    /** Remaining output, assuming output grows in step with the finished share of the work. */
    public static Long eta(Double percent, long outputBytes, Long rate) {
        if (percent == null || rate == null || rate <= 0 || percent <= 0 || percent >= 100) {
            return null;
        }
        double total = outputBytes * 100.0 / percent;
        return (long) Math.ceil((total - outputBytes) / rate);
    }

    /**
     * A percent in words, the same on pages, in alerts and in the API's texts: {@code 66.6 %},
     * {@code 100 %}, {@code –} while no counter exists. It is never rounded up, so a job at 99.96
     * reads 99.9 %, not 100 %.
     */
    public static String words(Double percent) {
        if (percent == null) {
            return "–";
        }
        double shown = floor(percent);
        return shown == Math.floor(shown) ? (long) shown + " %" : String.format(Locale.ROOT, "%.1f %%", shown);
    }

    private static double floor(double percent) {
        return Math.min(100, Math.floor(percent * 10) / 10);
    }
}
