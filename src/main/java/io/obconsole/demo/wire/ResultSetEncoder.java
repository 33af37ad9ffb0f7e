package io.obconsole.demo.wire;

import io.obconsole.demo.sql.Column;
import io.obconsole.demo.sql.ColumnType;
import io.obconsole.demo.sql.Result;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Result.Rows} as a text-protocol result set. Column metadata is what the
 * console's driver maps to JDBC types, so it follows MySQL's own choices (type code, charset, flags).
 */
final class ResultSetEncoder {

    static final int TYPE_NEWDECIMAL = 246;
    static final int TYPE_LONG = 3;
    static final int TYPE_DOUBLE = 5;
    static final int TYPE_TIMESTAMP = 7;
    static final int TYPE_LONGLONG = 8;
    static final int TYPE_DATETIME = 12;
    static final int TYPE_BLOB = 252;
    static final int TYPE_VAR_STRING = 253;

    /** MySQL's "not a fixed number of decimals", used for floating point columns. */
    private static final int NOT_FIXED_DEC = 31;
    private static final int MAX_DECIMAL_SCALE = 30;
    /** utf8mb4: column lengths are reported in bytes, four per character. */
    private static final int MAX_BYTES_PER_CHAR = 4;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ResultSetEncoder() {
    }

    /** The packets of the whole result set, in order: count, definitions, [EOF], rows, terminator. */
    static List<byte[]> encode(Result.Rows rows, boolean deprecateEof) {
        List<Column> columns = rows.columns();
        List<byte[]> packets = new ArrayList<>(columns.size() + rows.rows().size() + 3);
        packets.add(new Payload().lenencInt(columns.size()).toByteArray());
        int[] decimals = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            decimals[i] = decimals(columns.get(i).type(), rows.rows(), i);
            packets.add(columnDefinition(columns.get(i), decimals[i]).toByteArray());
        }
        if (!deprecateEof) {
            packets.add(Responses.eof().toByteArray());
        }
        for (List<Object> row : rows.rows()) {
            Payload p = new Payload();
            for (int i = 0; i < columns.size(); i++) {
                Object value = i < row.size() ? row.get(i) : null;
                if (value == null) {
                    p.int1(0xFB);
                } else {
                    p.lenencString(render(value, decimals[i]));
                }
            }
            packets.add(p.toByteArray());
        }
        packets.add(Responses.terminator(deprecateEof).toByteArray());
        return packets;
    }

    static Payload columnDefinition(Column column, int decimals) {
        ColumnType type = column.type();
        boolean text = type == ColumnType.VARCHAR || type == ColumnType.TEXT;
        long length = text ? (long) column.length() * MAX_BYTES_PER_CHAR : column.length();
        return new Payload()
                .lenencString("def")
                .lenencString("") // schema, table, org_table: results are computed, not read from a table
                .lenencString("")
                .lenencString("")
                .lenencString(column.name())
                .lenencString(column.name())
                .lenencInt(0x0C)
                .int2(text ? Capabilities.CHARSET_UTF8MB4_GENERAL_CI : Capabilities.CHARSET_BINARY)
                .int4(Math.min(length, 0xFFFFFFFFL))
                .int1(typeCode(type))
                .int2(flags(type))
                .int1(decimals)
                .int2(0);
    }

    static int typeCode(ColumnType type) {
        return switch (type) {
            case BIGINT -> TYPE_LONGLONG;
            case INT -> TYPE_LONG;
            case DECIMAL -> TYPE_NEWDECIMAL;
            case DOUBLE -> TYPE_DOUBLE;
            case VARCHAR -> TYPE_VAR_STRING;
            case TEXT -> TYPE_BLOB;
            case DATETIME -> TYPE_DATETIME;
            case TIMESTAMP -> TYPE_TIMESTAMP;
        };
    }

    private static int flags(ColumnType type) {
        return switch (type) {
            case BIGINT, INT, DECIMAL, DOUBLE -> Capabilities.FLAG_BINARY | Capabilities.FLAG_NUM;
            case TEXT -> Capabilities.FLAG_BLOB;
            case VARCHAR -> 0;
            case DATETIME, TIMESTAMP -> Capabilities.FLAG_BINARY;
        };
    }

    /**
     * Like a DATETIME(6) column, a temporal column renders every value with six fraction digits
     * as soon as one value carries micros; otherwise none. Decimals follow the widest scale.
     */
    static int decimals(ColumnType type, List<List<Object>> rows, int index) {
        switch (type) {
            case DOUBLE:
                return NOT_FIXED_DEC;
            case DECIMAL: {
                int scale = 0;
                for (List<Object> row : rows) {
                    if (index < row.size() && row.get(index) instanceof BigDecimal d) {
                        scale = Math.max(scale, d.scale());
                    }
                }
                return Math.min(scale, MAX_DECIMAL_SCALE);
            }
            case DATETIME, TIMESTAMP: {
                for (List<Object> row : rows) {
                    if (index < row.size() && row.get(index) instanceof LocalDateTime t && t.getNano() != 0) {
                        return 6;
                    }
                }
                return 0;
            }
            default:
                return 0;
        }
    }

    static String render(Object value, int decimals) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            // MySQL prints 1 and 10000000000, not 1.0 and 1.0E10.
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof LocalDateTime t) {
            boolean micros = decimals > 0 || t.getNano() != 0;
            return (micros ? MICROS : SECONDS).format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof byte[] raw) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
