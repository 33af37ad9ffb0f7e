package io.obconsole.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Sign-in sessions that have ended before their tokens expire: signed out in the console, or
 * ended at Keycloak (which tells the console by back-channel logout). Every request and socket
 * of such a session is refused at once ({@link EndedSessionCheck}), and its open sockets are
 * closed. The instance that learns of an end shares it through the console database (only a
 * SHA-256 of the session id); every instance reads the ends of the others every
 * {@code console.sessions.share-interval}, so a sign-out or a back-channel call that reached one
 * instance ends the session on all of them within seconds. Refusing stays in memory: a request
 * never waits for the database.
 */
@ApplicationScoped
public class EndedSessions {

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);
    private static final Duration SHARE_OVERLAP = Duration.ofSeconds(30);

    /** Something that lives as long as a session, e.g. an open progress socket. */
    public interface Holder {
        void sessionEnded();
    }

    @Inject
    SessionsConfig config;

    @Inject
    Vertx vertx;

    private final Clock clock = Clock.systemUTC();
    /** By the SHA-256 of the session id, as the database shares them. */
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    private final Map<String, Set<Holder>> holders = new ConcurrentHashMap<>();
    /** The newest end read from the database; null before the first read (which reads every remembered end). */
    private volatile Instant sharedUpTo;
    private volatile boolean shareFailing;

    /** Keycloak's session id ({@code sid}) of the identity's token, or null when it carries none. */
    public static String sessionId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object sid = jwt.getClaim("sid");
        return sid == null ? null : sid.toString();
    }

    /** Ends a session: its requests are refused from now on and its sockets close, on every instance. */
    public void end(String sid) {
        if (sid == null) {
            return;
        }
        forgetOld();
        String hash = hash(sid);
        Instant now = clock.instant();
        Instant until = now.plus(config.rememberSignedOut());
        endHere(hash, until);
        share(hash, now, until);
    }

    public boolean hasEnded(String sid) {
        // every request and socket message asks: hash only when some session has ended at all
        return sid != null && !ended.isEmpty() && ended.containsKey(hash(sid));
    }

    private void endHere(String hash, Instant until) {
        ended.merge(hash, until, (a, b) -> a.isAfter(b) ? a : b);
        Set<Holder> open = holders.remove(hash);
        if (open != null) {
            open.forEach(Holder::sessionEnded);
        }
    }

    /**
     * Writes the end for the other instances; off the event loop (Keycloak's back-channel call is
     * observed there) so that no request waits for the console database.
     */
    private void share(String hash, Instant at, Instant until) {
        if (BlockingOperationControl.isBlockingAllowed()) {
            store(hash, at, until);
        } else {
            vertx.executeBlocking(() -> {
                store(hash, at, until);
                return null;
            }, false);
        }
    }

    private void store(String hash, Instant at, Instant until) {
        try {
            // one upsert statement, native: JPA has no INSERT ... ON DUPLICATE KEY UPDATE, and a find-then-persist would
            // fail with a duplicate key when the same session ends on two instances at once (sign-out and back-channel)
            QuarkusTransaction.requiringNew().run(() -> EndedSession.getEntityManager().createNativeQuery(
                    "INSERT INTO ended_session (sid_hash, ended_at, remember_until) VALUES (?1, ?2, ?3) "
                            + "ON DUPLICATE KEY UPDATE ended_at = VALUES(ended_at), remember_until = VALUES(remember_until)")
                    .setParameter(1, hash).setParameter(2, utc(at)).setParameter(3, utc(until)).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("A session end could not be shared with the other console instances (%s): it is refused here, "
                    + "and elsewhere when its tokens expire", e.getMessage());
        }
    }

    /**
     * Takes over the ends other instances shared since the last read (all remembered ones at the
     * first), and deletes the ends nobody needs to remember any more.
     */
    // every instance reads for itself: the in-memory scheduler, never the clustered Quartz
    @Scheduled(identity = "ended-sessions", every = "${console.sessions.share-interval}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void readShared() {
        Instant now = clock.instant();
        // a few seconds back: another instance's clock, or its insert's commit, may lag ours
        Instant from = sharedUpTo == null ? Instant.EPOCH : sharedUpTo.minus(SHARE_OVERLAP);
        try {
            List<EndedSession> shared = QuarkusTransaction.requiringNew().call(() -> {
                List<EndedSession> read = EndedSession.list("endedAt >= ?1 and rememberUntil > ?2", utc(from), utc(now));
                EndedSession.delete("rememberUntil < ?1", utc(now));
                return read;
            });
            Instant newest = sharedUpTo;
            for (EndedSession row : shared) {
                Instant endedAt = row.endedAt.toInstant(ZoneOffset.UTC);
                endHere(row.sidHash, row.rememberUntil.toInstant(ZoneOffset.UTC));
                newest = newest == null || endedAt.isAfter(newest) ? endedAt : newest;
            }
            sharedUpTo = newest == null ? now.minus(SHARE_OVERLAP) : newest;
            if (shareFailing) {
                LOG.info("Session ends of the other console instances are read again");
                shareFailing = false;
            }
        } catch (RuntimeException e) {
            if (!shareFailing) {
                LOG.warnf("Session ends of the other console instances cannot be read (%s); this instance's own still hold",
                        e.getMessage());
                shareFailing = true;
            }
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** SHA-256 of the session id, hex: what is kept and shared instead of the id. */
    static String hash(String sid) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sid.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        String hash = hash(sid);
        // a set per session (thousands of one person's sockets come and go), changed under the map's lock for that session
        holders.compute(hash, (k, held) -> {
            Set<Holder> set = held != null ? held : ConcurrentHashMap.newKeySet();
            set.add(holder);
            return set;
        });
        Runnable release = () -> holders.computeIfPresent(hash, (k, held) -> {
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
