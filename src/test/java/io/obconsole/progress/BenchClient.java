package io.obconsole.progress;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's load: N watchers on one WebSocket URL, in a JVM of its own so that the server's
 * resident memory is the server's. Records, for every delta, the lag from the producer's
 * timestamp ({@code at}, epoch microseconds) to receipt (the frame's arrival, before any decoding:
 * a message whose text needs more than Latin-1 costs the client longer to decode, which is not the
 * server's latency), and prints one JSON line of results; sizes are in bytes as sent.
 * Args: host port path watchers seconds [bearer tokens, comma-separated, used in turn; with
 * {@code -Dbench.realm=<realm URL>} the people's names instead, whose tokens it fetches and renews]. Sockets that
 * did not open are counted by reason ({@code BENCH-FAILED}). With {@code -Dbench.hold-open=true} the
 * sockets stay open after the result line until the JVM is killed.
 */
public final class BenchClient {

    private static final int MAX_SAMPLES = 4_000_000;

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String path = args[2];
        int watchers = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String[] tokens = args.length > 5 ? args[5].split(",") : new String[0];
        String realm = System.getProperty("bench.realm");
        if (realm != null) {
            tokens = renewedTokens(realm, tokens);
        }
        Vertx vertx = Vertx.vertx();
        // browsers offer per-message compression on every socket, so the client does too (-Dbench.compression=false: not)
        boolean compression = Boolean.parseBoolean(System.getProperty("bench.compression", "true"));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(watchers + 10)
                .setMaxFrameSize(1 << 22).setMaxMessageSize(1 << 24).setTryUsePerMessageCompression(compression));
        long[] lags = new long[MAX_SAMPLES];
        AtomicInteger samples = new AtomicInteger();
        AtomicLong received = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong measuring = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch open = new CountDownLatch(watchers);
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger closed = new AtomicInteger();
        AtomicLong snapshots = new AtomicLong();
        AtomicLong snapshotBytes = new AtomicLong();
        long opening = System.nanoTime();
        // at most this many handshakes under way at once: the next connect waits for one to end, not for a fixed pause
        java.util.concurrent.Semaphore handshakes = new java.util.concurrent.Semaphore(200);
        // the run ends when its time is up, or earlier when the server has closed every socket (nothing left to measure)
        CountDownLatch allClosed = new CountDownLatch(watchers);
        for (int i = 0; i < watchers; i++) {
            handshakes.acquire();
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI(path);
            if (tokens.length > 0) {
                options.addHeader("Authorization", "Bearer " + tokens[i % tokens.length]);
            }
            client.connect(options).onComplete(done -> handshakes.release()).onSuccess(socket -> {
                socket.closeHandler(v -> {
                    closed.incrementAndGet();
                    allClosed.countDown();
                });
                // timed on arrival, before any decoding: the client measures delivery, not its own parsing
                socket.frameHandler(frame -> {
                    long now = micros();
                    if (!frame.isText() || !frame.isFinal()) {
                        return;
                    }
                    Buffer data = frame.binaryData();
                    String head = data.getString(0, Math.min(64, data.length()), "US-ASCII");
                    if (head.startsWith("{\"type\":\"snapshot\"")) {
                        snapshots.incrementAndGet();
                        snapshotBytes.addAndGet(data.length());
                    }
                    if (now < measuring.get() || !head.startsWith("{\"type\":\"delta\"")) {
                        return;
                    }
                    received.incrementAndGet();
                    bytes.addAndGet(data.length());
                    int at = head.indexOf("\"at\":");
                    long produced = Long.parseLong(head.substring(at + 5, head.indexOf(',', at)));
                    int slot = samples.getAndIncrement();
                    if (slot < MAX_SAMPLES) {
                        lags[slot] = now - produced;
                    }
                });
                open.countDown();
            }).onFailure(e -> {
                failed.incrementAndGet();
                allClosed.countDown();
                failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                open.countDown();
            });
        }
        open.await(120, TimeUnit.SECONDS);
        System.out.printf("BENCH-OPENED %d of %d in %.1f s%n", watchers - failed.get() - open.getCount(), watchers,
                (System.nanoTime() - opening) / 1e9);
        long start = micros();
        measuring.set(start);
        allClosed.await(seconds, TimeUnit.SECONDS);
        long end = micros();
        measuring.set(Long.MAX_VALUE);
        int n = Math.min(samples.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(lags, n);
        Arrays.sort(sorted);
        JsonObject result = new JsonObject().put("watchers", watchers).put("failed", failed.get()).put("closedByServer", closed.get())
                .put("messages", received.get())
                .put("averageBytes", received.get() == 0 ? 0 : (int) (bytes.get() / received.get())).put("messagesPerSecond", received.get() * 1e6 / (end - start))
                .put("p50ms", percentile(sorted, 0.50)).put("p95ms", percentile(sorted, 0.95))
                .put("p99ms", percentile(sorted, 0.99))
                .put("snapshotBytes", snapshots.get() == 0 ? 0 : snapshotBytes.get() / snapshots.get());
        failures.forEach((reason, count) -> System.out.println("BENCH-FAILED " + count + " x " + reason));
        System.out.println("BENCH-RESULT " + result.encode());
        System.out.flush();
        if (Boolean.getBoolean("bench.hold-open")) {
            // the sockets stay open until the caller kills this JVM (it measures the server's memory meanwhile)
            Thread.currentThread().join();
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * Access tokens of the people named in {@code people} (password = username, the demo realm's
     * obconsole-cli client), renewed in place every minute: the realm's tokens live two minutes, and
     * an upgrade carrying an expired one is rightly refused (a browser's session renews its tokens too).
     */
    private static String[] renewedTokens(String realmUrl, String[] people) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String[] tokens = new String[people.length];
        for (int i = 0; i < people.length; i++) {
            tokens[i] = token(http, realmUrl, people[i]);
        }
        ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-token-renewal");
            thread.setDaemon(true);
            return thread;
        });
        renewal.scheduleAtFixedRate(() -> {
            for (int i = 0; i < people.length; i++) {
                try {
                    tokens[i] = token(http, realmUrl, people[i]);
                } catch (Exception e) {
                    System.out.println("BENCH-TOKEN-RENEWAL-FAILED " + people[i] + ": " + e);
                }
            }
        }, 60, 60, TimeUnit.SECONDS);
        return tokens;
    }

    private static String token(HttpClient http, String realmUrl, String person) throws Exception {
        String form = "grant_type=password&client_id=obconsole-cli&username=" + person + "&password=" + person;
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no token for " + person + ": HTTP " + answer.statusCode());
        }
        return new JsonObject(answer.body()).getString("access_token");
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1000.0;
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
