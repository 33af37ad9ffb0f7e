package io.obconsole.demo.sql;

import java.util.Optional;

/** Gives the wire layer accounts to authenticate against and opens sessions for them. */
public interface SessionFactory {

    /**
     * The account for the user name exactly as the client sent it ({@code root@sys},
     * {@code root@mysql_tenant}, {@code root@sys#demo}); empty if there is no such user.
     */
    Optional<Account> account(String userName);

    /** A new session for an authenticated account, with the schema from the handshake or null. */
    SqlSession open(Account account, String schema) throws SqlError;

    /** Who may sign in: user, tenant, and the clear password the scramble is checked against. */
    record Account(String user, String tenant, String password) {
        @Override
        public String toString() {
            return user + "@" + tenant;
        }
    }
}
