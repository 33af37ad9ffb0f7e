package io.obconsole.cluster;

/** What OceanBase answered when it refused a statement: the error number, SQLSTATE and text, kept as sent. */
public record ObError(int code, String sqlState, String text) {
}
