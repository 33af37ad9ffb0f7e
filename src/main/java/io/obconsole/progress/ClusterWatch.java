package io.obconsole.progress;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ProgressRound;
import io.obconsole.cluster.RestoreRow;
import io.obconsole.fleet.ClusterRound.JobChange;
import io.obconsole.fleet.ClusterRound.JobEvent;
import io.obconsole.fleet.ClusterRound.Seen;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.fleet.RestoreTrack;
import io.obconsole.fleet.JobKey;
import io.obconsole.fleet.ProgressTrack;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One cluster's view across rounds: the tracks of its running jobs, the ended jobs still shown,
 * and the history watermark. Turns a {@link ProgressRound} into the cluster's current jobs; used
 * by one worker thread at a time.
 */
final class ClusterWatch {

    /** Ended rows are re-read this far behind the last round's clock, in case the history lags the end. */
    private static final Duration HISTORY_OVERLAP = Duration.ofSeconds(60);

    private static final Comparator<FleetJob> OLDEST_END_FIRST = Comparator.comparing((FleetJob j) -> j.job().end(),
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final String cluster;
    private final ProgressConfig config;
    private final Map<JobKey, ProgressTrack> tracks = new HashMap<>();
    private final Map<JobKey, FleetJob> ended = new LinkedHashMap<>();
    /** The jobs the last round listed running, as it saw them: what this round's changes are found against. */
    private Map<JobKey, FleetJob> running = Map.of();
    private boolean read;
    private final Map<String, RestoreTrack> restoreTracks = new HashMap<>();
    private final java.util.Set<String> restoresSeen = new java.util.HashSet<>();
    private LocalDateTime watermark;
    private LocalDateTime now;

    ClusterWatch(String cluster, ProgressConfig config) {
        this.cluster = cluster;
        this.config = config;
    }

    String cluster() {
        return cluster;
    }

    LocalDateTime watermark() {
        return watermark;
    }

    /**
     * Applies a round: the running jobs and the newest {@code console.progress.ended-limit} ended
     * ones. {@code changes} hears what changed since the round before, each change once: a job
     * started, ended (one this watch had not shown ended before; after a restart it may be one the
     * audit trail knows, which keeps its record exactly once), stalled, moving again, or no longer
     * listed. At the watch's first read every change is {@link Seen#FIRST_READ}.
     */
    Map<JobKey, FleetJob> apply(ProgressRound round, Consumer<JobChange> changes) {
        Seen seen = read ? Seen.WATCHED : Seen.FIRST_READ;
        read = true;
        now = round.clusterNow() != null ? round.clusterNow() : LocalDateTime.now();
        round.running().forEach(this::forgetEarlierNumbering);
        round.ended().forEach(this::forgetEarlierNumbering);
        Map<JobKey, FleetJob> jobs = new LinkedHashMap<>();
        for (BackupJob job : round.running()) {
            JobKey key = JobKey.of(cluster, job);
            ProgressTrack track = tracks.computeIfAbsent(key, k -> newTrack());
            FleetJob seenNow = track.observe(cluster, job, retries(round, job), now);
            jobs.put(key, seenNow);
            FleetJob before = running.get(key);
            boolean stalled = seenNow.progress().stalled();
            if (before == null) {
                changes.accept(new JobChange(JobEvent.STARTED, seenNow, null, seen));
            } else if (stalled != before.progress().stalled()) {
                changes.accept(new JobChange(stalled ? JobEvent.STALLED : JobEvent.MOVING_AGAIN, seenNow, before, seen));
            }
        }
        LocalDateTime newestEnd = null;
        for (BackupJob job : round.ended()) {
            JobKey key = JobKey.of(cluster, job);
            newestEnd = job.end() != null && (newestEnd == null || job.end().isAfter(newestEnd)) ? job.end() : newestEnd;
            if (ended.containsKey(key)) {
                continue;
            }
            ProgressTrack track = tracks.remove(key);
            FleetJob fleetJob = (track != null ? track : newTrack()).observe(cluster, job, retries(round, job), now);
            ended.put(key, fleetJob);
            changes.accept(new JobChange(JobEvent.ENDED, fleetJob, running.get(key), seen));
        }
        for (FleetJob before : running.values()) {
            if (!jobs.containsKey(before.key()) && !ended.containsKey(before.key())) {
                changes.accept(new JobChange(JobEvent.UNLISTED, before, before, seen));
            }
        }
        tracks.keySet().retainAll(jobs.keySet());
        running = Map.copyOf(jobs);
        if (ended.size() > config.endedLimit()) {
            ended.values().stream().sorted(OLDEST_END_FIRST).limit(ended.size() - config.endedLimit())
                    .map(FleetJob::key).toList().forEach(ended::remove);
        }
        ended.forEach(jobs::putIfAbsent);
        advanceWatermark(newestEnd, round.ended().size());
        return jobs;
    }

    /**
     * A cluster that started over (recreated, or its state lost) numbers its jobs from the start
     * again: a job this watch still shows with the same or a higher id of the same tenant and
     * incarnation, but an earlier start, belongs to the earlier numbering and is no longer the
     * cluster's. Within one numbering ids grow with start times, so nothing else is dropped. Only a
     * job seen for the first time can reveal a new numbering, so a round's known jobs cost a lookup.
     */
    private void forgetEarlierNumbering(BackupJob job) {
        JobKey seen = JobKey.of(cluster, job);
        if (job.start() == null || tracks.containsKey(seen) || ended.containsKey(seen)) {
            return;
        }
        Predicate<JobKey> earlier = key -> key.tenantId() == seen.tenantId()
                && key.incarnation() == seen.incarnation() && key.jobId() >= seen.jobId() && key.start() != null
                && key.start().isBefore(seen.start());
        ended.keySet().removeIf(earlier);
        tracks.keySet().removeIf(earlier);
    }

    /**
     * The round's restores with their progress; {@code changed} hears whether a restore appeared or
     * ended since the last round (the tenants of the cluster then change: read them again).
     */
    List<FleetRestore> restores(ProgressRound round, Consumer<FleetRestore> appearedOrEnded) {
        List<FleetRestore> restores = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (RestoreRow row : round.restores()) {
            String key = FleetRestore.keyOf(cluster, row);
            keys.add(key);
            FleetRestore restore = restoreTracks.computeIfAbsent(key, k -> new RestoreTrack()).observe(cluster, row, now);
            String seen = key + (row.ended() ? "|ended" : "");
            if (restoresSeen.add(seen)) {
                appearedOrEnded.accept(restore);
            }
            restores.add(restore);
        }
        restoreTracks.keySet().retainAll(keys);
        restoresSeen.removeIf(seen -> !keys.contains(seen.replace("|ended", "")));
        return restores;
    }

    /** What the socket carries of them: running jobs, and ended ones within {@code console.progress.ended-retention}. */
    List<FleetJob> forWatchers(Map<JobKey, FleetJob> jobs) {
        LocalDateTime horizon = now.minus(config.endedRetention());
        return jobs.values().stream()
                .filter(j -> j.running() || j.job().end() == null || !j.job().end().isBefore(horizon)).toList();
    }

    private ProgressTrack newTrack() {
        return new ProgressTrack(config.stallAfter(), config.rateWindow());
    }

    private Integer retries(ProgressRound round, BackupJob job) {
        return round.retries().get(ProgressRound.jobId(job.tenantId(), job.jobId()));
    }

    /** A full page of history means more may wait: continue from its newest end rather than from the clock. */
    private void advanceWatermark(LocalDateTime newestEnd, int endedRows) {
        if (endedRows >= config.endedLimit() && newestEnd != null) {
            watermark = newestEnd;
        } else {
            watermark = now.minus(HISTORY_OVERLAP);
        }
    }
}
