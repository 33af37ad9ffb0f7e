package io.obconsole.progress;

import io.obconsole.access.EndedSessions;
import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@code /ws/progress}: live backup progress for a signed-in person (browser session or bearer
 * token). The upgrade itself is authenticated, so a socket without a person never opens; on open
 * the person gets a snapshot of what they may see, then only changes. The socket lives no longer
 * than the sign-in session: it closes when the session ends (sign-out here or at Keycloak).
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

    @Inject
    SecurityIdentity identity;

    @Inject
    EndedSessions sessions;

    /** Per open socket: how to let go of its session when the socket closes first. */
    private final Map<String, Runnable> sessionHolds = new ConcurrentHashMap<>();

    @OnOpen
    void open() {
        if (!permissions.isResolvable()) {
            // no access rules deployed: nothing may be shown to anyone
            connection.close().subscribe().with(v -> { }, e -> { });
            return;
        }
        Operator operator = permissions.get().current();
        // the injected connection is a proxy valid only inside this callback; the hub sends later, from other threads
        WebSocketConnection socket = openConnections.findByConnectionId(connection.id()).orElse(null);
        if (socket == null) {
            // closed before this callback ran (a busy console opens thousands at once): nothing to watch
            return;
        }
        Outlet outlet = new Outlet() {
            @Override
            public void send(String text, Runnable done) {
                socket.sendText(text).subscribe().with(v -> done.run(), failure -> done.run());
            }

            @Override
            public void close() {
                socket.close().subscribe().with(v -> { }, e -> { });
            }
        };
        hub.join(socket.id(), operator, permissions.get(), outlet);
        sessionHolds.put(socket.id(), sessions.hold(EndedSessions.sessionId(identity), outlet::close));
    }

    /** Pages send nothing (there is no "resync" request); a message on a socket whose session has ended closes it. */
    @OnTextMessage
    void message(String text) {
        if (sessions.hasEnded(EndedSessions.sessionId(identity))) {
            connection.close().subscribe().with(v -> { }, e -> { });
        }
    }

    @OnClose
    void close() {
        leave(connection.id());
    }

    /** A browser that vanished (tab killed, network gone) is routine, not an error of the console. */
    @OnError
    void gone(IOException failure) {
        LOG.debugf("Progress socket %s lost: %s", connection.id(), failure.getMessage());
        leave(connection.id());
    }

    private void leave(String id) {
        hub.leave(id);
        Runnable release = sessionHolds.remove(id);
        if (release != null) {
            release.run();
        }
    }
}
