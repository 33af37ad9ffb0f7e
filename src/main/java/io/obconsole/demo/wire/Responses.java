package io.obconsole.demo.wire;

/** The generic server answers: OK, ERR and the end-of-rows marker in whichever style the client negotiated. */
final class Responses {

    private Responses() {
    }

    static Payload ok(long affectedRows, String info) {
        Payload p = new Payload()
                .int1(0x00)
                .lenencInt(affectedRows)
                .lenencInt(0)
                .int2(Capabilities.SERVER_STATUS_AUTOCOMMIT)
                .int2(0);
        // The protocol documents string<EOF> here without CLIENT_SESSION_TRACK, but MySQL
        // itself writes a length-encoded string and both Connector/J and libmariadb read one.
        if (info != null && !info.isEmpty()) {
            p.lenencString(info);
        }
        return p;
    }

    static Payload error(int code, String sqlState, String message) {
        return new Payload()
                .int1(0xFF)
                .int2(code)
                .eofString("#")
                .eofString(normalizeState(sqlState))
                .eofString(message == null ? "" : message);
    }

    /**
     * Before the client's capabilities are known (e.g. too many connections), MySQL sends ERR
     * without the SQLSTATE marker; clients then derive the state from the code.
     */
    static Payload preHandshakeError(int code, String message) {
        return new Payload().int1(0xFF).int2(code).eofString(message);
    }

    /** Ends column definitions and rows: a classic EOF, or with DEPRECATE_EOF an OK packet tagged 0xFE. */
    static Payload terminator(boolean deprecateEof) {
        if (deprecateEof) {
            return new Payload()
                    .int1(0xFE)
                    .lenencInt(0)
                    .lenencInt(0)
                    .int2(Capabilities.SERVER_STATUS_AUTOCOMMIT)
                    .int2(0);
        }
        return eof();
    }

    static Payload eof() {
        return new Payload().int1(0xFE).int2(0).int2(Capabilities.SERVER_STATUS_AUTOCOMMIT);
    }

    private static String normalizeState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return "HY000";
        }
        return sqlState;
    }
}
