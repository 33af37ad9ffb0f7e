package io.obconsole.progress;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP server's WebSocket settings, which only {@code /ws/progress} uses. No compression:
 * browsers offer per-message compression on every socket, and each socket would then keep a zlib
 * deflater (tens of KB) and compress every change again, once per watcher instead of once per
 * audience. Pages send nothing, so what a client may send is kept small.
 */
@ApplicationScoped
public class ProgressSocketOptions implements HttpServerOptionsCustomizer {

    /** Larger frames or messages from a client close its socket. */
    static final int MAX_INBOUND = 4096;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        apply(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        apply(options);
    }

    private static void apply(HttpServerOptions options) {
        options.setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setMaxWebSocketFrameSize(MAX_INBOUND)
                .setMaxWebSocketMessageSize(MAX_INBOUND);
    }
}
