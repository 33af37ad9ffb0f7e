package io.obconsole.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the latest jobs of every cluster, compares each poll with them and hands only what
 * changed to the watchers allowed to see it. Filtering happens here, on the server: a watcher's
 * snapshots, deltas and resyncs never contain a job outside its person's tenant scope.
 */
@ApplicationScoped
public class ProgressHub {

    private final ObjectMapper json;
    private final ProgressConfig config;
    private final Map<String, Map<String, JobProgress>> latest = new ConcurrentHashMap<>();
    private final Map<Audience.Key, Audience> audiences = new ConcurrentHashMap<>();
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();

    @Inject
    public ProgressHub(ObjectMapper json, ProgressConfig config, MeterRegistry registry) {
        Gauge.builder("obconsole.progress.watchers", watchers, Map::size)
                .description("Open live-progress sockets").register(registry);
        this.json = json;
        this.config = config;
    }

    /** A new socket: it gets a snapshot of what its person may see, then the changes. */
    public synchronized void join(String id, Operator operator, Permissions permissions, Outlet outlet) {
        Audience audience = audiences.computeIfAbsent(Audience.key(operator), k -> new Audience(operator, permissions));
        Watcher watcher = new Watcher(id, audience, outlet, config.clientQueue(), this::snapshot);
        watchers.put(id, watcher);
        watcher.sendSnapshot();
    }

    public synchronized void leave(String id) {
        Watcher watcher = watchers.remove(id);
        if (watcher != null) {
            watcher.close();
            // an audience lives as long as one of its people watches: none left, it goes
            Audience.Key key = watcher.audience.key;
            if (watchers.values().stream().noneMatch(w -> w.audience.key.equals(key))) {
                audiences.remove(key);
            }
        }
    }

    /** Audiences of the open sockets (one per distinct set of roles and scopes). */
    java.util.Set<Audience.Key> audienceKeys() {
        return java.util.Set.copyOf(audiences.keySet());
    }

    /** A cluster's jobs after a poll round; only the changed ones go out. */
    public synchronized void publish(String cluster, Map<String, JobProgress> jobs) {
        Map<String, JobProgress> before = latest.getOrDefault(cluster, Map.of());
        List<JobProgress> changed = new ArrayList<>();
        for (JobProgress job : jobs.values()) {
            if (!Objects.equals(before.get(job.key()), job)) {
                changed.add(job);
            }
        }
        latest.put(cluster, new LinkedHashMap<>(jobs));
        if (!changed.isEmpty()) {
            fanOut(changed);
        }
    }

    private void fanOut(List<JobProgress> changed) {
        Map<Audience, String> messages = new ConcurrentHashMap<>();
        long at = nowMicros();
        for (Watcher watcher : watchers.values()) {
            String message = messages.computeIfAbsent(watcher.audience, audience -> {
                List<JobProgress> visible = audience.filter(changed);
                return visible.isEmpty() ? "" : write("delta", at, visible);
            });
            if (!message.isEmpty()) {
                watcher.offer(message);
            }
        }
    }

    /** Everything the audience may see now, as a snapshot message. */
    String snapshot(Audience audience) {
        List<JobProgress> visible = new ArrayList<>();
        for (Map<String, JobProgress> jobs : latest.values()) {
            visible.addAll(audience.filter(List.copyOf(jobs.values())));
        }
        return write("snapshot", nowMicros(), visible);
    }

    long resyncs() {
        return watchers.values().stream().mapToLong(Watcher::resyncs).sum();
    }

    Collection<Watcher> watchers() {
        return watchers.values();
    }

    private String write(String type, long at, List<JobProgress> jobs) {
        try {
            return json.writeValueAsString(new ProgressMessage(type, at, jobs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("progress message not serializable", e);
        }
    }

    /** Epoch microseconds: the producer's timestamp a client measures its lag against. */
    static long nowMicros() {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    /** What goes over the socket: {@code snapshot} (everything in scope) or {@code delta} (what changed). */
    record ProgressMessage(String type, long at, List<JobProgress> jobs) {
    }
}
