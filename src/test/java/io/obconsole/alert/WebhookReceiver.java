package io.obconsole.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver for alert webhooks (the JDK's HTTP server): keeps every request it
 * accepted, can answer 503, and can go down and come back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as it arrived. */
    record Received(String path, String query, String signature, String timestamp, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String kind() {
            return json().path("kind").asText();
        }

        long eventId() {
            return json().path("id").asLong();
        }

        /** Checks the signature as a receiver must: HMAC-SHA256 of timestamp + "." + body with the shared key. */
        boolean signedWith(String key) {
            return signature != null && signature.equals(Signatures.webhook(key, Long.parseLong(timestamp), body));
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile int port;
    private HttpServer server;

    static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.listen(0);
        return receiver;
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status;
            if (answer >= 200 && answer < 300) {
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst(Signatures.SIGNATURE_HEADER),
                        exchange.getRequestHeaders().getFirst(Signatures.TIMESTAMP_HEADER), body));
            }
            byte[] reply = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/obconsole";
    }

    /** The receiver stops listening (connections are refused). */
    void down() {
        server.stop(0);
    }

    /** Back on the same port. */
    void up() {
        listen(port);
    }

    void answer(int httpStatus) {
        status = httpStatus;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> of(String kind) {
        return received.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    long count(long eventId) {
        return received.stream().filter(r -> r.eventId() == eventId).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
