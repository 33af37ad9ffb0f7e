package io.obconsole.progress;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.BackupTask;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Follows one job across poll rounds, because rate, ETA and "stalled" are not in any view: they
 * come from how the counters moved between observations (in cluster time, so they hold whatever
 * the console's own clock does).
 */
final class JobTrack {

    private static final int MAX_SAMPLES = 256;

    private final Duration stallAfter;
    private final Duration rateWindow;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Counters last;
    private LocalDateTime lastMoved;
    private Double lastPercent;
    private long lastBytes;

    JobTrack(Duration stallAfter, Duration rateWindow) {
        this.stallAfter = stallAfter;
        this.rateWindow = rateWindow;
    }

    /** The job as seen in this round; {@code retries} is null where the cluster shows no retry count. */
    JobProgress observe(String cluster, BackupJob job, Integer retries, LocalDateTime now) {
        boolean ended = job.end() != null || !running(job.status());
        if (ended) {
            return progress(cluster, job, retries, endedPercent(job), lastBytes, null, null, false);
        }
        Counters counters = Counters.of(job.tasks());
        if (last == null || !counters.equals(last)) {
            lastMoved = now;
        }
        last = counters;
        Double percent = counters.percent();
        lastPercent = percent;
        lastBytes = counters.outputBytes;
        Long rate = rate(now, counters.outputBytes);
        boolean stalled = "DOING".equals(job.status()) && !Duration.between(lastMoved, now).minus(stallAfter).isNegative();
        Long eta = stalled ? null : eta(percent, counters.outputBytes, rate);
        return progress(cluster, job, retries, percent, counters.outputBytes, rate, eta, stalled);
    }

    private Double endedPercent(BackupJob job) {
        return "COMPLETED".equals(job.status()) ? Double.valueOf(100) : lastPercent;
    }

    private Long rate(LocalDateTime now, long outputBytes) {
        samples.addLast(new Sample(now, outputBytes));
        while (samples.size() > MAX_SAMPLES
                || (samples.size() > 2 && Duration.between(samples.peekFirst().at, now).compareTo(rateWindow) > 0)) {
            samples.removeFirst();
        }
        Sample first = samples.peekFirst();
        long millis = Duration.between(first.at, now).toMillis();
        if (millis <= 0) {
            return null;
        }
        return Math.max(0, (outputBytes - first.outputBytes) * 1000 / millis);
    }

    /** Remaining output, assuming output grows in step with the finished share of the work. */
    static Long eta(Double percent, long outputBytes, Long rate) {
        if (percent == null || rate == null || rate <= 0 || percent <= 0 || percent >= 100) {
            return null;
        }
        double total = outputBytes * 100.0 / percent;
        return (long) Math.ceil((total - outputBytes) / rate);
    }

    private static boolean running(String status) {
        return "INIT".equals(status) || "DOING".equals(status) || "CANCELING".equals(status);
    }

    private static JobProgress progress(String cluster, BackupJob job, Integer retries, Double percent, long bytes,
            Long rate, Long eta, boolean stalled) {
        boolean ended = job.end() != null || !running(job.status());
        return new JobProgress(JobProgress.key(cluster, job.tenantId(), job.jobId()), cluster, job.tenantName(),
                job.tenantId(), job.jobId(), job.incarnation(), job.backupType(), job.status(), percent, bytes, rate, eta, phase(job),
                retries == null ? 0 : retries, stalled, ended ? Long.valueOf(job.result()) : null,
                emptyToNull(job.comment()), text(job.start()), text(job.end()));
    }

    /** The first task's STATUS (its phase) while there is one, else the job's own status. */
    private static String phase(BackupJob job) {
        return job.tasks().isEmpty() ? job.status() : job.tasks().get(0).phase();
    }

    private static String text(LocalDateTime time) {
        return time == null ? null : time.toString();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private record Sample(LocalDateTime at, long outputBytes) {
    }

    /** The counters of all of a job's tasks added up; any change means the job moved. */
    record Counters(long macroBlocks, long finishedMacroBlocks, long tablets, long finishedTablets, long inputBytes,
            long outputBytes, String phases) {

        static Counters of(List<BackupTask> tasks) {
            long blocks = 0, finishedBlocks = 0, tablets = 0, finishedTablets = 0, input = 0, output = 0;
            StringBuilder phases = new StringBuilder();
            for (BackupTask task : tasks) {
                blocks += task.macroBlocks();
                finishedBlocks += task.finishedMacroBlocks();
                tablets += task.tablets();
                finishedTablets += task.finishedTablets();
                input += task.inputBytes();
                output += task.outputBytes();
                phases.append(Objects.toString(task.phase(), "")).append(',');
            }
            return new Counters(blocks, finishedBlocks, tablets, finishedTablets, input, output, phases.toString());
        }

        /** Finished over total macro blocks; tablets when no macro block is counted yet; null before either. */
        Double percent() {
            if (macroBlocks > 0) {
                return round(finishedMacroBlocks * 100.0 / macroBlocks);
            }
            if (tablets > 0) {
                return round(finishedTablets * 100.0 / tablets);
            }
            return null;
        }

        private static double round(double percent) {
            return Math.min(100, Math.floor(percent * 10) / 10);
        }
    }
}
