package io.obconsole.backup;

import io.obconsole.access.Operator;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.Refusals;
import io.obconsole.cluster.InvalidIdentifierException;
import io.obconsole.cluster.UnknownClusterException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one admission step of every action on a cluster (backups, set-up, restores): parse and
 * validate what the person sent, then their right to it; each refusal goes on the audit trail as
 * such (rate-limited per person by {@link Refusals}), never as an intent without an outcome.
 */
public final class Admission {

    private final Refusals refusals;

    public Admission(Refusals refusals) {
        this.refusals = refusals;
    }

    /**
     * Runs {@code validate} (input and configured clusters), then {@code authorize}; what either
     * refuses is recorded and thrown on.
     *
     * @param named the tenants the person named, as the record keeps them
     */
    public void admit(Operator who, AuditAction action, String cluster, List<String> named, Runnable validate,
            Runnable authorize) {
        try {
            validate.run();
        } catch (InvalidRequestException | InvalidIdentifierException | UnknownClusterException e) {
            refusals.invalid(who, action, cluster, named, e);
            throw e;
        }
        try {
            authorize.run();
        } catch (ActionForbiddenException e) {
            refusals.forbidden(who, action, cluster, named, e.getMessage());
            throw e;
        }
    }

    /**
     * Parses a person's request (a form or a JSON body): what cannot be parsed is refused and
     * recorded as such, like every later refusal, before anything else happens.
     */
    public <T> T parsed(Operator who, AuditAction action, String cluster, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRequestException | InvalidIdentifierException e) {
            refusals.invalid(who, action, cluster, List.of(), e);
            throw e;
        }
    }

    /**
     * A refusal that must read as "no such thing" (the person may not learn that it exists): the
     * trail records it as forbidden, with {@code reason}; the caller throws {@code answer}.
     */
    public RuntimeException hidden(Operator who, AuditAction action, String cluster, List<String> named, String reason,
            RuntimeException answer) {
        refusals.forbidden(who, action, cluster, named, reason);
        return answer;
    }
}
