package io.obconsole.access;

import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Sign-in sessions that have ended before their tokens expire: signed out in the console, or
 * ended at Keycloak (which tells the console by back-channel logout). Every request and socket
 * of such a session is refused at once ({@link EndedSessionCheck}), and its open sockets are
 * closed. Kept in this instance's memory: each console instance gets its own back-channel call.
 */
@ApplicationScoped
public class EndedSessions {

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);

    /** Something that lives as long as a session, e.g. an open progress socket. */
    public interface Holder {
        void sessionEnded();
    }

    @Inject
    SessionsConfig config;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    private final Map<String, Set<Holder>> holders = new ConcurrentHashMap<>();

    /** Keycloak's session id ({@code sid}) of the identity's token, or null when it carries none. */
    public static String sessionId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object sid = jwt.getClaim("sid");
        return sid == null ? null : sid.toString();
    }

    /** Ends a session: its requests are refused from now on and its sockets close. */
    public void end(String sid) {
        if (sid == null) {
            return;
        }
        forgetOld();
        ended.put(sid, clock.instant().plus(config.rememberSignedOut()));
        Set<Holder> open = holders.remove(sid);
        if (open != null) {
            open.forEach(Holder::sessionEnded);
        }
    }

    public boolean hasEnded(String sid) {
        return sid != null && ended.containsKey(sid);
    }

    /** Ties {@code holder} to the session; returns what to call when the holder goes away first. */
    public Runnable hold(String sid, Holder holder) {
        if (sid == null) {
            return () -> { };
        }
        if (hasEnded(sid)) {
            holder.sessionEnded();
            return () -> { };
        }
        // a set per session (thousands of one person's sockets come and go), changed under the map's lock for that session
        holders.compute(sid, (k, held) -> {
            Set<Holder> set = held != null ? held : ConcurrentHashMap.newKeySet();
            set.add(holder);
            return set;
        });
        Runnable release = () -> holders.computeIfPresent(sid, (k, held) -> {
            held.remove(holder);
            return held.isEmpty() ? null : held;
        });
        if (hasEnded(sid)) {
            // the session ended while the holder was being added: end() may not have seen it
            release.run();
            holder.sessionEnded();
        }
        return release;
    }

    /** Keycloak ended a session (signed out elsewhere, by an admin, or timed out): Quarkus verified the logout token. */
    void backChannelLogout(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_BACKCHANNEL_LOGOUT_INITIATED) {
            return;
        }
        String sid = sessionIdOf(event.getEventProperties().get("logout_token"));
        if (sid != null) {
            LOG.info("Keycloak ended a sign-in session (back-channel logout): its requests and sockets end now");
            end(sid);
        }
    }

    /**
     * The {@code sid} of the logout token Quarkus has verified: the raw JWT, or (Quarkus 3.x) its
     * verification result, whose claims Quarkus keeps in a package-private field.
     */
    static String sessionIdOf(Object logoutToken) {
        if (logoutToken == null) {
            return null;
        }
        if (logoutToken instanceof String raw) {
            return claim(raw, "sid");
        }
        try {
            java.lang.reflect.Field claims = logoutToken.getClass().getDeclaredField("localVerificationResult");
            claims.setAccessible(true);
            Object json = claims.get(logoutToken);
            return json instanceof io.vertx.core.json.JsonObject object ? object.getString("sid") : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Cannot read the session id of a back-channel logout token (%s); the session ends at its next token renewal",
                    e.toString());
            return null;
        }
    }

    /** A claim of a JWT whose signature Quarkus has already verified. */
    static String claim(String jwt, String name) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            JsonObject claims = Json.createReader(new StringReader(json)).readObject();
            return claims.containsKey(name) ? claims.getString(name, null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void forgetOld() {
        Instant now = clock.instant();
        ended.values().removeIf(until -> until.isBefore(now));
    }
}
