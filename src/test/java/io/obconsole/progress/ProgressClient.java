package io.obconsole.progress;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A test's socket on /ws/progress, as an API client opens it (bearer token, optional Origin), keeping
 * every message. The JDK's WebSocket client: its listener exists before the handshake, so the
 * snapshot that follows the upgrade at once always has a reader (Vert.x's client lost it about once
 * in 400 connects when it came in the same read as the 101; a client written on a bare socket never
 * did). Reading is flow-controlled: a paused client asks for no more messages, so its TCP buffers
 * fill and the console sees a reader that stopped.
 */
public final class ProgressClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    /** A message was read while paused: the next one is asked for on resume. */
    private final AtomicBoolean owed = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;

    private ProgressClient() {
    }

    public static ProgressClient connect(String token, String origin) {
        return open(token, origin, null, null);
    }

    /** As a page that shows only some tenants opens it ({@code ?watch=}, as the overview's script sends it). */
    public static ProgressClient watching(String token, String watch) {
        return open(token, null, null, watch);
    }

    /** As a browser page opens it: with the console's session cookies and the page's Origin. */
    public static ProgressClient connectWithSession(String cookies, String origin) {
        return open(null, origin, cookies, null);
    }

    private static ProgressClient open(String token, String origin, String cookies, String watch) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (cookies != null) {
            builder.header("Cookie", cookies);
        }
        ProgressClient client = new ProgressClient();
        try {
            client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws/progress"
                    + (watch == null ? "" : "?watch=" + java.net.URLEncoder.encode(watch, java.nio.charset.StandardCharsets.UTF_8))), client.new Reader())
                    .get(20, TimeUnit.SECONDS);
            return client;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new IllegalStateException("the upgrade was refused: " + refused.getResponse().statusCode(), refused);
            }
            throw new IllegalStateException(String.valueOf(e.getCause()), e);
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    /** What arrives: whole text messages (kept), a close or a failure (the socket is then closed). */
    private final class Reader implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            if (paused.get()) {
                owed.set(true);
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.set(true);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.set(true);
        }
    }

    void send(String text) {
        socket.sendText(text, true);
    }

    /** Stops reading: no more messages are asked for until {@link #resume()}. */
    void pause() {
        paused.set(true);
    }

    void resume() {
        paused.set(false);
        if (owed.getAndSet(false)) {
            socket.request(1);
        }
    }

    /** Every job object received so far, in order. */
    List<JsonObject> jobs() {
        List<JsonObject> jobs = new ArrayList<>();
        for (JsonObject message : messages) {
            JsonArray array = message.getJsonArray("jobs");
            if (array != null) {
                array.forEach(job -> jobs.add((JsonObject) job));
            }
        }
        return jobs;
    }

    /** Whether the socket has closed (by the console, or by this client). */
    public boolean isClosed() {
        return closed.get() || socket.isInputClosed();
    }

    public List<String> types() {
        return messages.stream().map(m -> m.getString("type")).toList();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
        socket.abort();
    }
}
