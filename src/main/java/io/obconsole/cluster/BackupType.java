package io.obconsole.cluster;

/** A data backup's kind, as an operator asks for it and as OceanBase's views write it. */
public enum BackupType {
    FULL,
    INCREMENTAL
}
