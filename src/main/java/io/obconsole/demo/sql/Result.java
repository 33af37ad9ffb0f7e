package io.obconsole.demo.sql;

import java.util.List;

/**
 * What one statement answers. Row values are Java objects rendered by the wire layer in the
 * MySQL text protocol: {@code null}, {@link Number}, {@link String},
 * {@link java.time.LocalDateTime} (rendered with microseconds when it has them).
 */
public sealed interface Result {

    /** An OK packet: affected rows and an optional info message. */
    record Update(long affectedRows, String info) implements Result {
        public static Update ok() {
            return new Update(0, "");
        }
    }

    /** A text result set. */
    record Rows(List<Column> columns, List<List<Object>> rows) implements Result {
    }
}
