package io.obconsole.fleet;

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
public final class ProgressTrack {

    private static final int MAX_SAMPLES = 256;

    private final Duration stallAfter;
    private final Duration rateWindow;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Counters last;
    private LocalDateTime lastMoved;
    private Double lastPercent;
    private long lastBytes;

    public ProgressTrack(Duration stallAfter, Duration rateWindow) {
        this.stallAfter = stallAfter;
        this.rateWindow = rateWindow;
    }

    /** A job read once, already ended, without a track of its rounds (the catch-up after a restart). */
    public static FleetJob ended(String cluster, BackupJob job) {
        return new ProgressTrack(Duration.ZERO, Duration.ZERO).observe(cluster, job, null, job.end());
    }

    /** The job as seen in this round; {@code retries} is null where the cluster shows no retry count. */
    public FleetJob observe(String cluster, BackupJob job, Integer retries, LocalDateTime now) {
        JobStatus status = JobStatus.of(job.status());
        if (!JobStatus.running(job)) {
            Double percent = status == JobStatus.COMPLETED ? Double.valueOf(100) : lastPercent;
            return fleetJob(cluster, job, status, retries, new Progress(percent, lastBytes, null, null, false));
        }
        Counters counters = Counters.of(job.tasks());
        if (last == null || !counters.equals(last)) {
            lastMoved = now;
        }
        last = counters;
        Double percent = Progress.percent(job.tasks());
        lastPercent = percent;
        lastBytes = counters.outputBytes;
        Long rate = rate(now, counters.outputBytes);
        boolean stalled = status == JobStatus.DOING && !Duration.between(lastMoved, now).minus(stallAfter).isNegative();
        Long eta = stalled ? null : Progress.eta(percent, counters.outputBytes, rate);
        return fleetJob(cluster, job, status, retries, new Progress(percent, counters.outputBytes, rate, eta, stalled));
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

    private static FleetJob fleetJob(String cluster, BackupJob job, JobStatus status, Integer retries, Progress progress) {
        String phase = job.tasks().isEmpty() ? job.status() : job.tasks().get(0).phase();
        return new FleetJob(JobKey.of(cluster, job), job, status, JobStatus.running(job), progress, phase,
                retries == null ? 0 : retries);
    }

    private record Sample(LocalDateTime at, long outputBytes) {
    }

    /** The counters of all of a job's tasks added up; any change means the job moved. */
    private record Counters(long macroBlocks, long finishedMacroBlocks, long tablets, long finishedTablets,
            long inputBytes, long outputBytes, String phases) {

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
    }
}
