package io.obconsole.policy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Exactly once across console instances: a scheduled slot is claimed by inserting its row in a
 * transaction of its own, and the table's unique key on the slot lets one insert win. Backup
 * policies and restore drills claim their slots this way.
 */
public final class SlotClaim {

    private SlotClaim() {
    }

    /** Runs the insert; its id, or empty when another instance (or an earlier fire) holds the slot already. */
    public static Optional<Long> claim(Supplier<Long> insert) {
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(insert::get));
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A UNIQUE key said no: another instance (or an earlier fire) stored the row first. */
    public static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
