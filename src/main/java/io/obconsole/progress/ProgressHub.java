package io.obconsole.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetRestore;
import io.obconsole.fleet.TenantsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Keeps the latest jobs of every cluster, compares each poll with them and hands only what
 * changed to the watchers allowed to see it, with the pages' own HTML for each job. Filtering
 * happens here, on the server: a watcher's snapshots, deltas and resyncs never contain a job
 * outside its person's tenant scope. Each message is rendered and written once per audience.
 * Beside the jobs, it tells pages which tenants' state changed ({@code changed}), so that what
 * they show as current is read again, and each watcher hears only of tenants it may see.
 */
@ApplicationScoped
public class ProgressHub {

    private final ObjectMapper json;
    private final ProgressConfig config;
    private final Instance<JobFragments> fragments;
    private final Map<String, Map<String, Entry>> latest = new ConcurrentHashMap<>();
    private final Map<Audience.Key, Audience> audiences = new ConcurrentHashMap<>();
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();
    private final Map<Audience, Snapshot> snapshots = new ConcurrentHashMap<>();
    private volatile long version;

    @Inject
    public ProgressHub(ObjectMapper json, ProgressConfig config, Instance<JobFragments> fragments,
            MeterRegistry registry) {
        Gauge.builder("obconsole.progress.watchers", watchers, Map::size)
                .description("Open live-progress sockets").register(registry);
        this.json = json;
        this.config = config;
        this.fragments = fragments;
    }

    /** A new socket: it gets a snapshot of what its person may see, then the changes. */
    public void join(String id, Operator operator, Permissions permissions, Outlet outlet) {
        join(id, operator, permissions, outlet, Watch.ALL);
    }

    /** A new socket of a page that shows only some tenants: it hears of those only (within its person's scope). */
    synchronized void join(String id, Operator operator, Permissions permissions, Outlet outlet, Watch watch) {
        Audience audience = audiences.computeIfAbsent(Audience.key(operator, watch),
                k -> new Audience(operator, permissions, watch));
        Watcher watcher = new Watcher(id, audience, outlet, config.clientQueue(), this::snapshot);
        watchers.put(id, watcher);
        audience.watchers++;
        watcher.sendSnapshot();
    }

    public synchronized void leave(String id) {
        Watcher watcher = watchers.remove(id);
        if (watcher != null) {
            watcher.close();
            // an audience lives as long as one of its people watches: none left, it goes
            Audience audience = watcher.audience;
            if (--audience.watchers == 0) {
                audiences.remove(audience.key);
                snapshots.remove(audience);
            }
        }
    }

    /**
     * The clusters an open socket of this instance watches now (its page shows one of their tenants,
     * or everything in its person's scope): the poller reads those at the active pace. Read once per
     * tick, it costs the open pages' watch lists, not those times the clusters.
     */
    public Predicate<String> watchedClusters() {
        Set<String> watched = new HashSet<>();
        for (Audience.Key key : audiences.keySet()) {
            Set<String> shown = key.watch().clustersShown();
            if (shown == null) {
                return cluster -> true;
            }
            watched.addAll(shown);
        }
        return watched::contains;
    }

    /** Audiences of the open sockets (one per distinct set of roles and scopes). */
    java.util.Set<Audience.Key> audienceKeys() {
        return java.util.Set.copyOf(audiences.keySet());
    }

    /** A cluster's jobs after a poll round; only the changed ones go out. */
    public synchronized void publish(String cluster, Collection<FleetJob> jobs) {
        publish(cluster, jobs, List.of());
    }

    /** A cluster's backup jobs and restores after a poll round, one list of jobs for the watchers. */
    public synchronized void publish(String cluster, Collection<FleetJob> jobs, Collection<FleetRestore> restores) {
        Map<String, Entry> before = latest.getOrDefault(cluster, Map.of());
        Map<String, Entry> now = new LinkedHashMap<>();
        List<Entry> changed = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        jobs.forEach(job -> entries.add(new Entry(JobProgress.of(job), (f, may) -> f.render(job, may))));
        restores.forEach(restore -> entries.add(new Entry(JobProgress.of(restore), (f, may) -> f.render(restore, may))));
        for (Entry entry : entries) {
            now.put(entry.progress.key(), entry);
            Entry was = before.get(entry.progress.key());
            if (was == null || !Objects.equals(was.progress, entry.progress)) {
                changed.add(entry);
            }
        }
        latest.put(cluster, now);
        if (!changed.isEmpty()) {
            version++;
            fanOut(changed);
        }
    }

    /** What pages show of some tenants changed: each audience hears of those it may see. */
    public synchronized void tenantsChanged(@Observes TenantsChanged changed) {
        long at = nowMicros();
        Map<Audience, Frame> messages = new HashMap<>();
        for (Audience audience : audiences.values()) {
            List<String> visible = changed.tenants().stream().filter(t -> audience.mayView(changed.cluster(), t))
                    .sorted().toList();
            if (!visible.isEmpty()) {
                messages.put(audience, json(new ChangedMessage("changed", at, changed.cluster(), visible)));
            }
        }
        offer(messages);
    }

    /**
     * Each audience's message is written once; then each event loop gets one task that offers it to
     * all of that loop's sockets, which write without handing each frame over from this thread.
     */
    private void fanOut(List<Entry> changed) {
        long at = nowMicros();
        Map<String, Map<String, String>> rendered = new HashMap<>();
        Map<Audience, Frame> messages = new HashMap<>();
        for (Audience audience : audiences.values()) {
            List<Entry> visible = visible(audience, changed);
            if (!visible.isEmpty()) {
                messages.put(audience, write("delta", at, audience, visible, rendered));
            }
        }
        offer(messages);
    }

    private void offer(Map<Audience, Frame> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Map<Executor, List<Watcher>> byLoop = new HashMap<>();
        for (Watcher watcher : watchers.values()) {
            if (messages.containsKey(watcher.audience)) {
                byLoop.computeIfAbsent(watcher.executor(), k -> new ArrayList<>()).add(watcher);
            }
        }
        byLoop.forEach((loop, group) -> loop.execute(() -> group.forEach(w -> w.offer(messages.get(w.audience)))));
    }

    /** Everything the audience may see now, as a snapshot message (written once per audience and change). */
    Frame snapshot(Audience audience) {
        long current = version;
        Snapshot known = snapshots.get(audience);
        if (known != null && known.version == current) {
            return known.frame;
        }
        List<Entry> all = new ArrayList<>();
        latest.values().forEach(jobs -> all.addAll(jobs.values()));
        Frame frame = write("snapshot", nowMicros(), audience, visible(audience, all), new HashMap<>());
        snapshots.put(audience, new Snapshot(current, frame));
        return frame;
    }

    long resyncs() {
        return watchers.values().stream().mapToLong(Watcher::resyncs).sum();
    }

    Collection<Watcher> watchers() {
        return watchers.values();
    }

    private static List<Entry> visible(Audience audience, List<Entry> entries) {
        return entries.stream().filter(e -> audience.mayView(e.progress)).toList();
    }

    /** {@code rendered}: fragments already rendered in this fan-out, by key and whether the reader may cancel. */
    private Frame write(String type, long at, Audience audience, List<Entry> entries,
            Map<String, Map<String, String>> rendered) {
        Map<String, Map<String, String>> html = new LinkedHashMap<>();
        if (fragments.isResolvable()) {
            for (Entry entry : entries) {
                boolean mayOperate = audience.mayOperate(entry.progress);
                html.put(entry.progress.key(), rendered.computeIfAbsent(entry.progress.key() + "|" + mayOperate,
                        k -> entry.html.apply(fragments.get(), mayOperate)));
            }
        }
        return json(new ProgressMessage(type, at, entries.stream().map(Entry::progress).toList(),
                html.isEmpty() ? null : html));
    }

    private Frame json(Object message) {
        try {
            return Frame.text(json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("progress message not serializable", e);
        }
    }

    /** Epoch microseconds: the producer's timestamp a client measures its lag against. */
    static long nowMicros() {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    /**
     * What goes over the socket: {@code snapshot} (everything in scope) or {@code delta} (what
     * changed); {@code html}: per job key, the pages' fragments of that job by name.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressMessage(String type, long at, List<JobProgress> jobs, Map<String, Map<String, String>> html) {
    }

    /** {@code changed}: what pages show of these tenants of the cluster is to be read again. */
    record ChangedMessage(String type, long at, String cluster, List<String> tenants) {
    }

    /** One job as sent, and how the pages' fragments of it are rendered (for a reader who may act on it or not). */
    private record Entry(JobProgress progress, java.util.function.BiFunction<JobFragments, Boolean, Map<String, String>> html) {
    }

    private record Snapshot(long version, Frame frame) {
    }
}
