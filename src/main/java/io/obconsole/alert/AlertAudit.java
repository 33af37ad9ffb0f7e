package io.obconsole.alert;

import io.obconsole.access.Operator;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.Refusals;
import io.obconsole.cluster.RefusedInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The audit trail's view of alert settings: an admin's change of a channel or an objective is an
 * intent and an outcome like any action; a refused attempt is a refusal (rate-limited per person).
 */
@ApplicationScoped
public class AlertAudit {

    private final AuditTrail audit;
    private final Refusals refusals;

    public AlertAudit(AuditTrail audit, Refusals refusals) {
        this.audit = audit;
        this.refusals = refusals;
    }

    /** Records the intent, makes the change, records how it ended. */
    <T> T change(Operator who, AuditAction action, String cluster, List<String> tenants, Map<String, String> parameters,
            Supplier<T> work) {
        long intent = audit.recordIntent(new ActionIntent(who, action, cluster, tenants, parameters,
                UUID.randomUUID().toString()));
        try {
            T result = work.get();
            audit.recordOutcome(intent, AuditOutcome.ACCEPTED, List.of(), null, null, List.of());
            return result;
        } catch (RuntimeException e) {
            audit.recordOutcome(intent, AuditOutcome.FAILED, List.of(), null, e.getMessage(), List.of());
            throw e;
        }
    }

    public void forbidden(Operator who, AuditAction action, String cluster, List<String> tenants, String reason) {
        refusals.forbidden(who, action, cluster, tenants, reason);
    }

    void invalid(Operator who, AuditAction action, String cluster, List<String> tenants, RefusedInput refusal) {
        refusals.invalid(who, action, cluster, tenants, refusal);
    }
}
