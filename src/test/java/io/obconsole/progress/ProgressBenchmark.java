package io.obconsole.progress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.obconsole.testing.Demo;
import io.obconsole.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Live-progress benchmark, not part of the default test run (the class name does not end in
 * Test). Run: {@code ./mvnw -B test -Dtest=ProgressBenchmark -Dbench.watchers=2000 -Dbench.seconds=60}.
 * It keeps backups running on the demo cluster, opens the watchers from a separate JVM
 * ({@link BenchClient}), then does the same against a bare Vert.x WebSocket server that only
 * broadcasts messages of the same size at the same rate (the floor), and prints both with ratios.
 */
@QuarkusTest
class ProgressBenchmark {

    @Inject
    MeterRegistry registry;

    @Inject
    io.obconsole.fleet.Fleet fleet;

    @Test
    void benchmark() throws Exception {
        int watchers = Integer.getInteger("bench.watchers", 2000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        // the watchers are signed in as four people with different roles and scopes (several tabs each)
        String tokens = String.join(",", Tokens.accessToken("ada"), Tokens.accessToken("vera"),
                Tokens.accessToken("otto"), Tokens.accessToken("olga"));
        DemoBackups.finishAll();
        AtomicLong maxRss = new AtomicLong(rssKiB());
        ScheduledExecutorService clock = clockDriver(maxRss);

        double roundsBefore = rounds();
        Demo.cluster().control().resetStatements();
        long started = System.nanoTime();
        JsonObject console = runClient(port, "/ws/progress", watchers, seconds, tokens);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long rounds = Math.round(rounds() - roundsBefore);
        // the benchmark's own BACKUP statements are not the poller's
        // the poller's queries only: not the benchmark's own BACKUPs nor the driver's set-up of their connections
        List<String> received = Demo.cluster().control().statementsReceived().stream()
                .filter(sql -> sql.startsWith("SELECT") && !sql.startsWith("SELECT @@")).toList();
        long statements = received.size();
        Map<String, Long> shapes = received.stream().collect(Collectors.groupingBy(
                sql -> sql.replaceAll("'[^']*'", "?").replaceAll("\\d+", "N"), TreeMap::new, Collectors.counting()));
        clock.shutdownNow();
        long rss = maxRss.get();

        double rate = console.getDouble("messagesPerSecond") / watchers;
        int size = Math.max(100, console.getInteger("averageBytes") - 60);
        JsonObject floor = floor(watchers, seconds, size, rate);

        System.out.printf("%n==== live progress benchmark: %d watchers, %d s ====%n", watchers, seconds);
        System.out.printf("console: %s%n", console.encode());
        System.out.printf("floor:   %s (message %d bytes, %.2f per watcher per second)%n", floor.encode(), size, rate);
        System.out.printf("p50 %.1f ms (x%.2f)  p95 %.1f ms (x%.2f)  p99 %.1f ms (x%.2f)  messages/s %.0f (x%.2f)%n",
                console.getDouble("p50ms"), console.getDouble("p50ms") / floor.getDouble("p50ms"),
                console.getDouble("p95ms"), console.getDouble("p95ms") / floor.getDouble("p95ms"),
                console.getDouble("p99ms"), console.getDouble("p99ms") / floor.getDouble("p99ms"),
                console.getDouble("messagesPerSecond"),
                console.getDouble("messagesPerSecond") / floor.getDouble("messagesPerSecond"));
        System.out.printf("query rounds: %d in %.0f s (%.2f per second), %d statements = %.1f per round, independent of watchers%n",
                rounds, elapsed, rounds / elapsed, statements, rounds == 0 ? 0.0 : statements / (double) rounds);
        shapes.forEach((sql, count) -> System.out.printf("  %5d x %s%n", count, sql));
        System.out.printf("console JVM resident memory, highest during the run (VmRSS, includes the embedded demo cluster and the"
                + " test harness): %d MiB; watchers still open at the end: %d%n%n", rss / 1024,
                Math.round(registry.get("obconsole.progress.watchers").gauge().value()));
    }

    /**
     * Demo time moves one second per wall second, so the jobs' counters move every round; when the
     * backups end, the next ones start (a full backup takes 60 s of demo time). Samples the RSS.
     */
    private ScheduledExecutorService clockDriver(AtomicLong maxRss) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
                task -> {
                    Thread thread = new Thread(task, "bench-clock");
                    thread.setDaemon(true);
                    return thread;
                });
        clock.scheduleAtFixedRate(() -> {
            if (fleet.clusters().stream().allMatch(c -> c.running().isEmpty())) {
                try {
                    Demo.sql("ALTER SYSTEM BACKUP DATABASE");
                } catch (IllegalStateException e) {
                    // 9036: still running, the hub had not seen it yet
                }
            }
            Demo.clock().advanceSeconds(1);
            maxRss.accumulateAndGet(rssKiB(), Math::max);
        }, 1, 1, TimeUnit.SECONDS);
        return clock;
    }

    /** Query rounds the poller ran so far, over all clusters (its own metric). */
    private double rounds() {
        return registry.find("obconsole.progress.rounds").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The same client against a server that does nothing but broadcast. */
    private static JsonObject floor(int watchers, int seconds, int size, double perSecond) throws Exception {
        try (BenchFloor floor = new BenchFloor(size, perSecond)) {
            return runClient(floor.port(), "/", watchers, seconds, null);
        }
    }

    private static JsonObject runClient(int port, String path, int watchers, int seconds, String tokens) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path classpath = Files.createTempFile("bench-classpath", ".txt");
        Files.writeString(classpath, System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", "@" + classpath, BenchClient.class.getName(),
                "127.0.0.1", String.valueOf(port), path, String.valueOf(watchers), String.valueOf(seconds));
        if (tokens != null) {
            builder.command().add(tokens);
        }
        builder.redirectErrorStream(true);
        Process process = builder.start();
        JsonObject result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("BENCH-RESULT ")) {
                    result = new JsonObject(line.substring("BENCH-RESULT ".length()));
                }
            }
        }
        process.waitFor(60, TimeUnit.SECONDS);
        if (result == null) {
            throw new IllegalStateException("benchmark client printed no result");
        }
        return result;
    }

    private static long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return -1;
    }
}
