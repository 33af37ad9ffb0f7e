package io.obconsole.progress;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * {@code /ws/progress}: live backup progress for a signed-in person (browser session or bearer
 * token). The upgrade itself is authenticated, so a socket without a person never opens; on open
 * the person gets a snapshot of what they may see, then only changes.
 */
@WebSocket(path = "/ws/progress")
@Authenticated
public class ProgressSocket {

    private static final Logger LOG = Logger.getLogger(ProgressSocket.class);

    @Inject
    WebSocketConnection connection;

    @Inject
    OpenConnections openConnections;

    @Inject
    ProgressHub hub;

    @Inject
    Instance<Permissions> permissions;

    @OnOpen
    void open() {
        if (!permissions.isResolvable()) {
            // no access rules deployed: nothing may be shown to anyone
            connection.close().subscribe().with(v -> { }, e -> { });
            return;
        }
        Operator operator = permissions.get().current();
        // the injected connection is a proxy valid only inside this callback; the hub sends later, from other threads
        WebSocketConnection socket = openConnections.findByConnectionId(connection.id()).orElseThrow();
        hub.join(socket.id(), operator, permissions.get(), new Outlet() {
            @Override
            public void send(String text, Runnable done) {
                socket.sendText(text).subscribe().with(v -> done.run(), failure -> done.run());
            }

            @Override
            public void close() {
                socket.close().subscribe().with(v -> { }, e -> { });
            }
        });
    }

    @OnClose
    void close() {
        hub.leave(connection.id());
    }

    /** A browser that vanished (tab killed, network gone) is routine, not an error of the console. */
    @OnError
    void gone(IOException failure) {
        LOG.debugf("Progress socket %s lost: %s", connection.id(), failure.getMessage());
        hub.leave(connection.id());
    }
}
