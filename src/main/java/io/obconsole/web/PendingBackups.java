package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.backup.BackupRequest;
import io.obconsole.backup.PreflightReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reviewed backups waiting for their confirmation, in this console's memory only. The password
 * stays here between review and confirmation, so it never travels back to the browser, and is
 * wiped when the review is confirmed, expires or is replaced.
 */
@ApplicationScoped
public class PendingBackups {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A reviewed request, whose it is, and what the confirmation page shows. */
    public record Pending(String token, String owner, BackupRequest request, BackupForm form, List<String> statements,
            PreflightReport report, Instant created, Map<String, Integer> previousConcurrency) {
    }

    @Inject
    WebConfig config;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Keeps a reviewed request; the token is also the start's idempotency key. */
    Pending put(Operator who, BackupRequest request, BackupForm form, List<String> statements, PreflightReport report,
            Map<String, Integer> previousConcurrency, String token) {
        evictExpired();
        Pending entry = new Pending(token, owner(who), request, form, statements, report, Instant.now(),
                previousConcurrency);
        pending.put(token, entry);
        keepNewestOf(entry);
        return entry;
    }

    static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The review, if it exists, is fresh and belongs to {@code who}. */
    Optional<Pending> find(Operator who, String token) {
        evictExpired();
        Pending entry = token == null ? null : pending.get(token);
        return entry != null && entry.owner().equals(owner(who)) ? Optional.of(entry) : Optional.empty();
    }

    /** Takes the review out, so that one review starts at most one backup. */
    Optional<Pending> take(Operator who, String token) {
        Optional<Pending> entry = find(who, token);
        entry.ifPresent(e -> pending.remove(token, e));
        return entry;
    }

    /**
     * Each person keeps at most {@code console.web.max-pending-reviews} reviews: a new one discards
     * (and wipes) their oldest, so no one can fill the console's memory with waiting passwords.
     */
    private void keepNewestOf(Pending newest) {
        List<Pending> older = pending.values().stream()
                .filter(entry -> entry != newest && entry.owner().equals(newest.owner()))
                .sorted(Comparator.comparing(Pending::created).reversed()).toList();
        older.stream().skip(Math.max(0, config.maxPendingReviews() - 1)).forEach(old -> {
            if (pending.remove(old.token(), old)) {
                wipe(old.request());
            }
        });
    }

    private void evictExpired() {
        Instant oldest = Instant.now().minus(config.reviewTimeout());
        pending.values().removeIf(entry -> {
            if (entry.created().isBefore(oldest)) {
                wipe(entry.request());
                return true;
            }
            return false;
        });
    }

    static void wipe(BackupRequest request) {
        if (request.encryptionPassword() != null) {
            request.encryptionPassword().clear();
        }
        if (request.encryptionPasswordConfirmation() != null) {
            request.encryptionPasswordConfirmation().clear();
        }
    }

    private static String owner(Operator who) {
        return who.username() + "|" + who.subject();
    }
}
