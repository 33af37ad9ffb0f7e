package io.obconsole.alert;

import io.obconsole.policy.SlotClaim;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.hibernate.exception.LockAcquisitionException;

/**
 * The alert tables' transactions: each call a transaction of its own, committed before it returns
 * (so a claim or an event is visible to every console instance before anything is sent), and a
 * console database that does not answer is an {@link AlertStoreException}, which the delivery tick
 * and the API turn into their one message. Programmatic, like the policy runs' and drills', because
 * the {@code AlertStore} and each {@code DeliveryWorker} are also made as plain objects (a second
 * instance in tests) and because a lost race is only known once the transaction has ended.
 */
final class AlertTables {

    private AlertTables() {
    }

    static <T> T call(String what, Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (PersistenceException | QuarkusTransactionException e) {
            throw new AlertStoreException(what, e);
        }
    }

    static void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    /** A UNIQUE key said no: another instance (or an earlier round) stored it first. */
    static boolean duplicate(Throwable e) {
        return SlotClaim.uniqueViolation(e);
    }

    /** Another instance changed the same rows at the same moment (a duplicate key, or a deadlock the database broke:
     * Hibernate's word for MySQL's and MariaDB's error 1213). */
    static boolean lostRace(Throwable e) {
        if (duplicate(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LockAcquisitionException) {
                return true;
            }
        }
        return false;
    }
}
