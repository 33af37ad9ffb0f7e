package io.obconsole.demo.sql;

/** One column of a result set as the client sees it (label, type, display length). */
public record Column(String name, ColumnType type, int length) {

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, switch (type) {
            case BIGINT -> 20;
            case INT -> 11;
            case DECIMAL -> 65;
            case DOUBLE -> 22;
            case VARCHAR -> 1024;
            case TEXT -> 65535;
            case DATETIME, TIMESTAMP -> 26;
        });
    }
}
