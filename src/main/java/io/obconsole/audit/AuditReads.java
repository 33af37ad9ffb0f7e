package io.obconsole.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;

/**
 * Runs a read of the trail in its own short transaction; whatever the database does wrong
 * (down, frozen, timing out) comes out as {@link AuditUnavailableException}, which the API
 * answers with a 503 and the pages with their own "cannot be read right now" page.
 */
final class AuditReads {

    private AuditReads() {
    }

    static <T> T read(int timeoutSeconds, Callable<T> work) {
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(work);
        } catch (IllegalArgumentException | AuditUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AuditUnavailableException("The audit trail cannot be read right now", e);
        }
    }
}
