package io.obconsole.web;

import io.obconsole.restore.RestorePlan;
import io.obconsole.restore.RestoreRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reviewed restores waiting for their typed confirmation, in this instance's memory only (the
 * decryption passwords are never stored): at most {@code console.web.max-pending-reviews} per
 * person, the oldest discarded (and its passwords wiped) first.
 */
@ApplicationScoped
public class PendingRestores {

    /** One reviewed restore: whose, what, and the statements the person read. */
    public record Pending(String token, String username, RestoreRequest request, RestorePlan plan, long at) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final WebConfig config;

    PendingRestores(WebConfig config) {
        this.config = config;
    }

    Pending put(String username, RestoreRequest request, RestorePlan plan) {
        Pending entry = new Pending(PendingBackups.newToken(), username, request, plan, System.nanoTime());
        pending.put(entry.token(), entry);
        pending.values().stream().filter(p -> p.username().equals(username))
                .sorted(java.util.Comparator.comparingLong(Pending::at).reversed()).skip(config.maxPendingReviews())
                .forEach(p -> take(p.token(), username));
        return entry;
    }

    /** The person's own pending restore, or null (expired, another instance's, or someone else's). */
    Pending get(String token, String username) {
        Pending entry = token == null ? null : pending.get(token);
        return entry != null && entry.username().equals(username) ? entry : null;
    }

    Pending take(String token, String username) {
        Pending entry = get(token, username);
        if (entry != null && pending.remove(token, entry)) {
            return entry;
        }
        return null;
    }

    /** Forgets a review without running it: its passwords are wiped. */
    void discard(String token, String username) {
        Pending entry = take(token, username);
        if (entry != null) {
            entry.request().clearSecrets();
        }
    }
}
