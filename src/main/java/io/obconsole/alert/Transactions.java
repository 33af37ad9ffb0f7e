package io.obconsole.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Short JDBC transactions on the console database for the alert tables (claims and locks need exact statements). */
final class Transactions {

    private Transactions() {
    }

    /** Work on a connection that may throw what JDBC throws. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    static <T> T run(DataSource db, String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AlertStoreException(what, e);
        }
    }

    /** A UNIQUE key said no: another instance (or an earlier round) stored it first. */
    static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof SQLException sql && "23000".equals(sql.getSQLState()) && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    /** Another instance changed the same rows at the same moment (a duplicate key, or a deadlock the database broke). */
    static boolean lostRace(Throwable e) {
        if (duplicate(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
