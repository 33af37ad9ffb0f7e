package io.obconsole.policy;

import io.obconsole.access.Operator;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.Refusals;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.InvalidIdentifierException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How a change to a policy (backup or drill) reaches the audit trail: a refused one as forbidden
 * or invalid (rate-limited per person), an admitted one as its intent with the difference, the
 * change in a transaction of its own, then its outcome.
 */
public final class AuditedChanges {

    private final AuditTrail audit;
    private final Refusals refusals;

    public AuditedChanges(AuditTrail audit, Refusals refusals) {
        this.audit = audit;
        this.refusals = refusals;
    }

    /** Runs the checks, which may also read the request; a refusal is recorded as such. */
    public <T> T admitted(Operator who, AuditAction action, String cluster, String tenant, Supplier<T> checks) {
        try {
            return checks.get();
        } catch (ActionForbiddenException e) {
            refusals.forbidden(who, action, cluster, List.of(tenant), e.getMessage());
            throw e;
        } catch (InvalidRequestException | InvalidIdentifierException e) {
            refusals.invalid(who, action, cluster, List.of(tenant), e);
            throw e;
        }
    }

    /** Audits the intent, makes the change in one transaction (what {@code work} returns), audits the outcome. */
    public <T> T change(Operator who, AuditAction action, String cluster, String tenant, Map<String, String> difference,
            Supplier<T> work) {
        long intent = audit.recordIntent(new ActionIntent(who, action, cluster, List.of(tenant), difference,
                UUID.randomUUID().toString()));
        try {
            T done = QuarkusTransaction.requiringNew().call(work::get);
            audit.recordOutcome(intent, AuditOutcome.ACCEPTED, List.of(), null, null, List.of());
            return done;
        } catch (RuntimeException e) {
            audit.recordOutcome(intent, AuditOutcome.FAILED, List.of(), null, e.getMessage(), List.of());
            throw e;
        }
    }
}
