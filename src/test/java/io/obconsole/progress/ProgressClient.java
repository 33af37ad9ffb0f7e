package io.obconsole.progress;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/** A test's socket on /ws/progress, as an API client opens it (bearer token, optional Origin), keeping every message. */
public final class ProgressClient implements AutoCloseable {

    private static final Vertx VERTX = Vertx.vertx();

    public final List<JsonObject> messages;
    private final java.util.concurrent.atomic.AtomicBoolean closedByServer;
    private final WebSocket socket;
    private final WebSocketClient client;

    private ProgressClient(WebSocketClient client, WebSocket socket, List<JsonObject> messages,
            java.util.concurrent.atomic.AtomicBoolean closedByServer) {
        this.closedByServer = closedByServer;
        this.client = client;
        this.socket = socket;
        this.messages = messages;
    }

    public static ProgressClient connect(String token, String origin) {
        return connect(token, origin, 0);
    }

    /** As a browser page opens it: with the console's session cookies and the page's Origin. */
    public static ProgressClient connectWithSession(String cookies, String origin) {
        return open(clientOptions(), options(null, origin).addHeader("Cookie", cookies));
    }

    /** {@code receiveBuffer} > 0 shrinks the socket's receive buffer (a client that stops reading fills it soon). */
    static ProgressClient connect(String token, String origin, int receiveBuffer) {
        WebSocketClientOptions options = clientOptions();
        if (receiveBuffer > 0) {
            options.setReceiveBufferSize(receiveBuffer);
        }
        return open(options, options(token, origin));
    }

    private static WebSocketClientOptions clientOptions() {
        return new WebSocketClientOptions().setMaxFrameSize(1 << 24).setMaxMessageSize(1 << 26);
    }

    private static ProgressClient open(WebSocketClientOptions options, WebSocketConnectOptions connect) {
        WebSocketClient client = VERTX.createWebSocketClient(options);
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean closedByServer = new java.util.concurrent.atomic.AtomicBoolean();
        // every handler is set before the handshake: the server's snapshot follows the upgrade at once, and a
        // handler set once the connect future completes (on another thread) could miss it
        ClientWebSocket socket = client.webSocket();
        socket.textMessageHandler(text -> received.add(new JsonObject(text)));
        socket.closeHandler(ignored -> closedByServer.set(true));
        try {
            socket.connect(connect).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            return new ProgressClient(client, socket, received, closedByServer);
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }

    static WebSocketConnectOptions options(String token, String origin) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port)
                .setURI("/ws/progress");
        if (token != null) {
            options.addHeader("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            options.addHeader("Origin", origin);
        }
        return options;
    }

    void send(String text) {
        socket.writeTextMessage(text);
    }

    void pause() {
        socket.pause();
    }

    void resume() {
        socket.resume();
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
        return closedByServer.get() || socket.isClosed();
    }

    public List<String> types() {
        return messages.stream().map(m -> m.getString("type")).toList();
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}
