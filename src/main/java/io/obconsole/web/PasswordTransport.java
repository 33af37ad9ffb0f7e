package io.obconsole.web;

import io.obconsole.cluster.ClusterGateway;
import io.obconsole.failure.FailureKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/**
 * What the confirmation page says about the road an encryption password takes to the cluster:
 * a warning when it would cross the network unencrypted, a refusal notice when the cluster's
 * settings forbid that. Templates read it as {@code inject:passwordTransport}.
 */
@ApplicationScoped
@Named("passwordTransport")
public class PasswordTransport {

    private static final Set<FailureKind> UNREACHABLE = Set.of(FailureKind.CLUSTER_UNREACHABLE);

    @Inject
    ClusterGateway gateway;

    @Inject
    PageFailures failures;

    /** Whether the reviewed backup carries a password that would travel in clear text. */
    public boolean inClear(PendingBackups.Pending pending) {
        if (!pending.request().encrypted()) {
            return false;
        }
        try {
            return !gateway.passwordsTravelEncrypted(pending.form().cluster());
        } catch (RuntimeException e) {
            failures.shown(e, UNREACHABLE);
            return false;
        }
    }

    /** Whether the cluster's settings refuse to send a password over a plain connection. */
    public boolean refusedInClear(PendingBackups.Pending pending) {
        return gateway.settings(pending.form().cluster()).tls().requiredForPasswords();
    }
}
