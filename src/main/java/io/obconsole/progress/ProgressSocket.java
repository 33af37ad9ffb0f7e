package io.obconsole.progress;

import io.obconsole.access.EndedSessions;
import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.Refusals;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code /ws/progress}: live backup progress for a signed-in person (browser session or bearer
 * token). The upgrade is an HTTP request like any other, so it is authenticated and checked for
 * an ended session before it reaches this route, and a socket without a person never opens. Here
 * what the person may see is settled once (their audience), an upgrade from another site's page
 * is refused and audited, and only then is the request upgraded. An open socket keeps no request, headers or tokens: only its watcher,
 * its tie to the sign-in session, and a timer for when the person's identity expires. On open the
 * person gets a snapshot of what they may see, then only changes. The socket lives no longer than
 * the sign-in session (it closes when the session ends, here or at Keycloak) nor than the token it
 * was opened with; the page then reconnects with what its session has now. A page that shows only
 * some tenants (the overview of a large fleet) names them ({@code ?watch=}, see {@link Watch}) and
 * hears of nothing else.
 */
@ApplicationScoped
public class ProgressSocket {

    static final String PATH = "/ws/progress";
    /** What a refused upgrade is recorded as on the audit trail. */
    static final AuditAction ACTION = AuditAction.WATCH_PROGRESS;
    /** Quarkus's attribute of an identity: when it stops being valid, in epoch seconds. */
    private static final String EXPIRES = "quarkus.identity.expire-time";
    private static final Logger LOG = Logger.getLogger(ProgressSocket.class);
    private static final Set<String> HANDSHAKE_HEADERS = Set.of("host", "upgrade", "connection",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions");

    private final AtomicLong ids = new AtomicLong();

    @Inject
    ProgressHub hub;

    @Inject
    Instance<Permissions> permissions;

    @Inject
    EndedSessions sessions;

    @Inject
    OriginCheck origins;

    @Inject
    Refusals refusals;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Vertx vertx;

    void route(@Observes Router router) {
        router.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext context) {
        if (!"websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaders.UPGRADE))) {
            refuse(context, 400, "This address serves live progress over a WebSocket.");
            return;
        }
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            // the permission policy answers first; this holds should it ever let one through
            refuse(context, 401, "Sign in first.");
            return;
        }
        if (!permissions.isResolvable()) {
            // no access rules deployed: nothing may be shown to anyone
            refuse(context, 403, "Nothing may be shown.");
            return;
        }
        Watch watch;
        try {
            watch = Watch.parse(context.request().getParam("watch"));
        } catch (IllegalArgumentException e) {
            refuse(context, 400, e.getMessage() + ".");
            return;
        }
        Operator operator = operatorOf(context, identity);
        if (!origins.permits(context.request())) {
            // a page of another site opened it with the person's cookies (cross-site WebSocket hijacking), or a misconfigured proxy
            vertx.executeBlocking(() -> {
                refusals.forbidden(operator, ACTION, "", List.of(), "socket opened from another origin");
                return null;
            }, false);
            refuse(context, 403, "Live progress is served only to the console's own pages.");
            return;
        }
        String session = EndedSessions.sessionId(identity);
        Long expires = identity.getAttribute(EXPIRES);
        keepOnlyHandshakeHeaders(context);
        context.request().toWebSocket().onSuccess(socket -> open(socket, operator, watch, session, expires))
                .onFailure(failure -> {
                    LOG.debugf("Progress socket upgrade failed: %s", failure.getMessage());
                    if (!context.response().ended() && !context.response().headWritten()) {
                        refuse(context, 400, "Not a WebSocket upgrade.");
                    }
                });
    }

    /**
     * The person, read as any page reads them: in a request scope of the upgrade request. It runs
     * on a context of its own: a request scope leaves its state in the context it ran on, and the
     * socket keeps the upgrade's context for its whole life.
     */
    private Operator operatorOf(RoutingContext context, SecurityIdentity identity) {
        return VertxAdapter.inRequestScopeOfItsOwn(() -> {
            currentRequest.setCurrent(context);
            identities.setIdentity(identity);
            return permissions.get().current();
        });
    }

    /**
     * Only what the handshake reads stays in the request: the socket keeps its request headers for
     * its whole life, and the session cookies or bearer token (several KB, and credentials) have
     * done their part once the person is known.
     */
    private static void keepOnlyHandshakeHeaders(RoutingContext context) {
        MultiMap headers = context.request().headers();
        for (String name : Set.copyOf(headers.names())) {
            if (!HANDSHAKE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.remove(name);
            }
        }
    }

    private void open(ServerWebSocket socket, Operator operator, Watch watch, String session, Long expires) {
        String id = Long.toString(ids.incrementAndGet());
        // this callback runs on the socket's context
        Outlet connection = VertxAdapter.outlet(socket, vertx.getOrCreateContext());
        hub.join(id, operator, permissions.get(), connection, watch);
        Runnable release = sessions.hold(session, connection::close);
        long timer = expires == null ? -1
                : vertx.setTimer(Math.max(1, TimeUnit.SECONDS.toMillis(expires) - System.currentTimeMillis()),
                        t -> connection.close());
        // pages send nothing (there is no "resync" request); a message on a socket whose session has ended closes it
        socket.textMessageHandler(text -> {
            if (sessions.hasEnded(session)) {
                connection.close();
            }
        });
        // a browser that vanished (tab killed, network gone) is routine, not an error of the console
        socket.exceptionHandler(failure -> LOG.debugf("Progress socket %s lost: %s", id, failure.getMessage()));
        Runnable gone = () -> {
            hub.leave(id);
            release.run();
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        };
        socket.closeHandler(v -> gone.run());
        if (socket.isClosed()) {
            // closed before its handlers were set (a busy console opens thousands at once); going twice is harmless
            gone.run();
        }
    }

    private static void refuse(RoutingContext context, int status, String why) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(why);
    }
}
