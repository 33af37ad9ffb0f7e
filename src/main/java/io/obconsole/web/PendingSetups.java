package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.backup.SetupChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reviewed set-up changes waiting for their confirmation, in this console's memory only: a
 * destination may carry an access key, so it never travels back to the browser between review
 * and confirmation; the confirmation sends only the token.
 */
@ApplicationScoped
public class PendingSetups {

    private record Pending(String owner, SetupChange change, Instant created) {
    }

    @Inject
    WebConfig config;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Keeps the change; the token is also its idempotency key. */
    String put(Operator who, SetupChange change) {
        evictExpired();
        String token = PendingBackups.newToken();
        pending.put(token, new Pending(who.username(), change, Instant.now()));
        return token;
    }

    /** Takes the change out (one review, one change), if it is fresh and belongs to {@code who}. */
    Optional<SetupChange> take(Operator who, String token) {
        evictExpired();
        Pending entry = token == null ? null : pending.get(token);
        if (entry == null || !entry.owner().equals(who.username()) || !pending.remove(token, entry)) {
            return Optional.empty();
        }
        return Optional.of(entry.change());
    }

    private void evictExpired() {
        Instant oldest = Instant.now().minus(config.reviewTimeout());
        pending.values().removeIf(entry -> entry.created().isBefore(oldest));
    }
}
