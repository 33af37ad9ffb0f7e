package io.obconsole.demo.sql;

/**
 * One client connection's state on the demo cluster (tenant, schema, session variables, the
 * encryption password set by {@code SET ENCRYPTION ... ONLY}). Not shared between connections.
 */
public interface SqlSession extends AutoCloseable {

    /**
     * Runs one statement (COM_QUERY). Text may carry comments and a trailing semicolon.
     *
     * @throws SqlError with the code, SQLSTATE and message a real cluster would answer
     */
    Result execute(String sql) throws SqlError;

    /** COM_INIT_DB. */
    void useSchema(String schema) throws SqlError;

    /** The connection ended (COM_QUIT, socket closed or dropped): discard session state. */
    @Override
    void close();
}
