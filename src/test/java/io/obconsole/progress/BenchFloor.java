package io.obconsole.progress;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's floor: a bare Vert.x WebSocket server that does nothing but broadcast a message
 * of the console's size at the console's rate to every socket, stamped like the console's deltas.
 * Used in process by {@link ProgressBenchmark} and as its own JVM by docs/bench/packaged-console.sh
 * (args: message-bytes messages-per-second; prints {@code FLOOR-PORT <port>}, runs until killed).
 */
public final class BenchFloor implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final int port;

    public BenchFloor(int size, double perSecond) throws Exception {
        Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
        // no per-message compression (the client offers it, as browsers do): the floor only writes the bytes
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)).requestHandler(request -> request.toWebSocket().onSuccess(ws -> {
            sockets.add(ws);
            ws.closeHandler(v -> sockets.remove(ws));
        }));
        port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
        String padding = "x".repeat(size);
        long period = Math.max(50, (long) (1000 / Math.max(0.01, perSecond)));
        vertx.setPeriodic(period, id -> {
            String message = "{\"type\":\"delta\",\"at\":" + ProgressHub.nowMicros() + ",\"jobs\":[\"" + padding + "\"]}";
            sockets.forEach(ws -> ws.writeTextMessage(message));
        });
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    public static void main(String[] args) throws Exception {
        BenchFloor floor = new BenchFloor(Integer.parseInt(args[0]), Double.parseDouble(args[1]));
        System.out.println("FLOOR-PORT " + floor.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
