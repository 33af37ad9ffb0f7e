package io.obconsole.audit;

import io.obconsole.access.Operator;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.RefusedInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Puts refused attempts (403: outside role or scope; 400: invalid input) on the audit trail, at
 * most {@link AuditConfig#refusalsPerMinute()} per person a minute, so a flood of refused
 * requests cannot fill the trail; the next record says how many were left out. Recording never
 * changes the answer: if the trail cannot take it, the refusal stands and the log says so.
 * What is recorded is bounded and carries no secret: the reason (for invalid input the rule it
 * broke, {@link RefusedInput#rule()}), never the refused input; a tenant "name" that is no name
 * at all is recorded as such, not as typed.
 */
@ApplicationScoped
public class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class);
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final int MAX_NAME = 64;
    private static final int MAX_NAMES = 10;
    private static final int MAX_REASON = 512;
    /** Recorded in place of a tenant "name" that could not be one (it may be anything a person typed). */
    static final String NOT_A_NAME = "(not a tenant name)";

    private final Supplier<AuditTrail> trail;
    private final int perMinute;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    Refusals(Instance<AuditTrail> trail, AuditConfig config) {
        this(() -> trail.isResolvable() ? trail.get() : null, config.refusalsPerMinute(), System::nanoTime);
    }

    /** {@code trail} may answer null (no trail deployed); {@code nanos} is the clock the minutes are counted by. */
    public Refusals(Supplier<AuditTrail> trail, int perMinute, LongSupplier nanos) {
        this.trail = trail;
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    /** {@code who} was refused {@code action} on these tenants ({@code ["*"]}: every tenant) as out of role or scope. */
    public void forbidden(Operator who, AuditAction action, String cluster, List<String> tenants, String reason) {
        record(who, action, cluster, tenants, AuditOutcome.REFUSED_FORBIDDEN, reason);
    }

    /** {@code who}'s request was refused as invalid; the record keeps the rule it broke, never what was sent. */
    public void invalid(Operator who, AuditAction action, String cluster, List<String> tenants, RefusedInput refusal) {
        record(who, action, cluster, tenants, AuditOutcome.REFUSED_INVALID, refusal.rule());
    }

    private void record(Operator who, AuditAction action, String cluster, List<String> tenants, AuditOutcome outcome,
            String reason) {
        AuditTrail audit = trail.get();
        if (who == null || audit == null) {
            return;
        }
        long suppressed = windows.computeIfAbsent(who.username() == null ? "" : who.username(), k -> new Window())
                .admit(nanos.getAsLong(), perMinute);
        if (suppressed < 0) {
            return;
        }
        Map<String, String> parameters = new TreeMap<>();
        if (suppressed > 0) {
            parameters.put("refusalsNotRecordedBefore", Long.toString(suppressed));
        }
        try {
            audit.recordRefusal(new ActionIntent(who, action, bounded(cluster == null ? "" : cluster,
                    MAX_NAME), names(tenants), parameters, null), outcome, bounded(reason, MAX_REASON));
        } catch (RuntimeException e) {
            LOG.warnf("A refusal of %s (%s) could not be recorded in the audit trail: %s", who.username(), action,
                    e.getMessage());
        }
    }

    private static List<String> names(List<String> tenants) {
        List<String> names = new ArrayList<>();
        for (String tenant : tenants == null ? List.<String>of() : tenants) {
            if (names.size() == MAX_NAMES) {
                names.add("...");
                break;
            }
            names.add(ObDialect.isTenantName(tenant) || "*".equals(tenant) ? bounded(tenant, MAX_NAME) : NOT_A_NAME);
        }
        return names;
    }

    private static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }

    /** One person's last minute: when its recorded refusals were, and how many it left out since the last one. */
    private static final class Window {
        private final java.util.ArrayDeque<Long> recorded = new java.util.ArrayDeque<>();
        private long leftOut;

        /**
         * -1: leave this one out; else record it, and the number left out before it. At most
         * {@code perMinute} are recorded within any sixty seconds, however the refusals fall.
         */
        synchronized long admit(long now, int perMinute) {
            while (!recorded.isEmpty() && now - recorded.peekFirst() >= MINUTE) {
                recorded.pollFirst();
            }
            if (recorded.size() >= perMinute) {
                leftOut++;
                return -1;
            }
            recorded.addLast(now);
            long before = leftOut;
            leftOut = 0;
            return before;
        }
    }
}
