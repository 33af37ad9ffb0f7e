package io.obconsole.progress;

import io.netty.buffer.Unpooled;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.impl.ContextInternal;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The only place the live progress socket reaches past Vert.x's public API, for the three things
 * that API does not offer: running code synchronously on a context of its own, the event loop a
 * socket writes on, and a text frame over bytes encoded once. PackageLayeringTest keeps it the only
 * place; VertxAdapterTest pins what it relies on, so an upgrade that changes it fails there.
 */
final class VertxAdapter {

    private VertxAdapter() {
    }

    /**
     * Runs {@code work} in a request scope of its own, ended when it returns, on a duplicated
     * context of its own. Quarkus keeps a request scope's state in the duplicated context it ran
     * on and leaves it there after the scope ends, and a socket keeps its upgrade's context for
     * its whole life (10,000 sockets held 10,000 request scopes). SmallRye documents
     * {@link VertxContext#createNewDuplicatedContext(Context)} as making a new duplicated context
     * even from a duplicated one (from its root, so with none of the caller's local data); Vert.x's
     * own duplicate of a duplicated context copied the caller's local data in some 4.5 releases
     * (GHSA-9623-mj7j-p9v4).
     */
    static <T> T inRequestScopeOfItsOwn(Supplier<T> work) {
        ContextInternal own = (ContextInternal) VertxContext.createNewDuplicatedContext(Vertx.currentContext());
        // Vert.x's public API runs code on a context only later (runOnContext); the upgrade needs the answer now
        ContextInternal previous = own.beginDispatch();
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return work.get();
        } finally {
            requestContext.terminate();
            own.endDispatch(previous);
        }
    }

    /** The socket as the hub sees it; it must be made on the socket's context (its open callback runs there). */
    static Outlet outlet(ServerWebSocket socket, Context context) {
        return new SocketOutlet(socket, ((ContextInternal) context).nettyEventLoop());
    }

    /**
     * A text frame for one socket over the frame's bytes, not a copy of them: its own read
     * position, which the write moves and frees without touching the shared array. Vert.x's
     * public {@code WebSocketFrame.textFrame(String, boolean)} would encode the text again per
     * socket, and its frames over a {@code Buffer} are binary or continuation frames only.
     */
    static WebSocketFrame textFrame(Frame frame) {
        return new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(frame.utf8()), true);
    }

    /**
     * One open socket: {@code executor} is its event loop, not its context, so the hub writes a
     * change to all of a loop's sockets in one task (each socket has a context of its own).
     */
    private record SocketOutlet(ServerWebSocket socket, Executor executor) implements Outlet {

        @Override
        public void send(Frame frame, Runnable done) {
            socket.writeFrame(textFrame(frame)).onComplete(result -> done.run());
        }

        @Override
        public void close() {
            if (!socket.isClosed()) {
                socket.close();
            }
        }
    }
}
