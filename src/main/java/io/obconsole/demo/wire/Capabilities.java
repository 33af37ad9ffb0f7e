package io.obconsole.demo.wire;

/** MySQL protocol constants (capability, status, column flags, commands) in one place, so the encoders agree. */
final class Capabilities {

    static final int CLIENT_LONG_PASSWORD = 1;
    static final int CLIENT_FOUND_ROWS = 1 << 1;
    static final int CLIENT_LONG_FLAG = 1 << 2;
    static final int CLIENT_CONNECT_WITH_DB = 1 << 3;
    static final int CLIENT_PROTOCOL_41 = 1 << 9;
    static final int CLIENT_SSL = 1 << 11;
    static final int CLIENT_TRANSACTIONS = 1 << 13;
    static final int CLIENT_SECURE_CONNECTION = 1 << 15;
    static final int CLIENT_MULTI_RESULTS = 1 << 17;
    static final int CLIENT_PLUGIN_AUTH = 1 << 19;
    static final int CLIENT_CONNECT_ATTRS = 1 << 20;
    static final int CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA = 1 << 21;
    static final int CLIENT_DEPRECATE_EOF = 1 << 24;

    /**
     * What the demo cluster offers; CLIENT_SSL is added when the server has a TLS context
     * ({@link MySqlServer#offerTls}), without one clients on sslMode=PREFERRED stay plain.
     * DEPRECATE_EOF is offered and honoured per connection, so both terminator styles are exercised.
     */
    static final int SERVER_DEFAULT = CLIENT_LONG_PASSWORD | CLIENT_FOUND_ROWS | CLIENT_LONG_FLAG
            | CLIENT_CONNECT_WITH_DB | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION
            | CLIENT_MULTI_RESULTS | CLIENT_PLUGIN_AUTH | CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
            | CLIENT_CONNECT_ATTRS | CLIENT_DEPRECATE_EOF;

    static final int SERVER_STATUS_AUTOCOMMIT = 0x0002;

    static final int CHARSET_UTF8MB4_GENERAL_CI = 45;
    static final int CHARSET_BINARY = 63;

    static final int FLAG_BLOB = 16;
    static final int FLAG_BINARY = 128;
    static final int FLAG_NUM = 32768;

    static final int COM_QUIT = 0x01;
    static final int COM_INIT_DB = 0x02;
    static final int COM_QUERY = 0x03;
    static final int COM_FIELD_LIST = 0x04;
    static final int COM_STATISTICS = 0x09;
    static final int COM_PING = 0x0e;
    static final int COM_STMT_SEND_LONG_DATA = 0x18;
    static final int COM_STMT_CLOSE = 0x19;
    static final int COM_SET_OPTION = 0x1b;
    static final int COM_RESET_CONNECTION = 0x1f;

    static final String NATIVE_PASSWORD = "mysql_native_password";

    private Capabilities() {
    }
}
