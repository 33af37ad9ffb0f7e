package io.obconsole.demo.sql;

/** An error the client receives as an ERR packet: MySQL error number, SQLSTATE, message. */
public class SqlError extends Exception {

    private final int code;
    private final String sqlState;

    public SqlError(int code, String sqlState, String message) {
        super(message, null, false, false);
        this.code = code;
        this.sqlState = sqlState;
    }

    public SqlError(int code, String message) {
        this(code, "HY000", message);
    }

    public int code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }
}
