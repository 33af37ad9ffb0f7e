package io.obconsole.cluster;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Reads OceanBase view columns the same way whatever the driver's time-zone settings: timestamps
 * as the cluster prints them (cluster time), numbers that may be NULL, TENANT_ID that DBA_ views lack.
 */
final class Rows {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private Rows() {
    }

    static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return parseTime(rs.getString(column));
    }

    static LocalDateTime parseTime(String text) {
        return text == null || text.isBlank() ? null : LocalDateTime.parse(text.trim(), TIMESTAMP);
    }

    static long number(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null || text.isBlank() ? 0 : Long.parseLong(text.trim());
    }

    /** The row's TENANT_ID, or {@code own} when the view has no such column (a DBA_ view read inside a tenant). */
    static long tenantId(ResultSet rs, long own) throws SQLException {
        return hasColumn(rs, "TENANT_ID") ? rs.getLong("TENANT_ID") : own;
    }

    private static boolean hasColumn(ResultSet rs, String name) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (name.equalsIgnoreCase(meta.getColumnLabel(i))) {
                return true;
            }
        }
        return false;
    }
}
