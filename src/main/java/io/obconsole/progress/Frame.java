package io.obconsole.progress;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * One progress message as the wire carries it: encoded to UTF-8 once per audience and change,
 * then written to each of the audience's sockets as a view of the same bytes (thousands of
 * watchers of one audience share one array instead of each encoding its own copy).
 */
final class Frame {

    private final ByteBuf utf8;

    private Frame(ByteBuf utf8) {
        this.utf8 = utf8;
    }

    static Frame text(String json) {
        return new Frame(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8))));
    }

    /** A text frame for one socket: its own read position over the shared bytes, which the write does not free. */
    WebSocketFrame webSocketFrame() {
        return new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8.duplicate(), true);
    }
}
