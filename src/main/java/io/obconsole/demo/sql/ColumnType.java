package io.obconsole.demo.sql;

/** MySQL column types the demo cluster reports in result-set metadata. */
public enum ColumnType {
    BIGINT,
    INT,
    DECIMAL,
    DOUBLE,
    VARCHAR,
    TEXT,
    DATETIME,
    TIMESTAMP
}
