package io.obconsole.cluster;

/**
 * One OceanBase statement as the dialect wrote it, with the form that may be shown and audited.
 * {@link #toString()} is the redacted form, so a statement in a log line or exception never
 * carries a secret.
 *
 * @param sql      the text sent to the cluster
 * @param redacted the same with secrets replaced by {@code ***}
 * @param secret   whether {@code sql} holds a secret (then it must run on a dedicated connection)
 */
public record ObStatement(String sql, String redacted, boolean secret) {

    static ObStatement plain(String sql) {
        return new ObStatement(sql, sql, false);
    }

    @Override
    public String toString() {
        return redacted;
    }
}
