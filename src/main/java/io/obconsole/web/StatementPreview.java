package io.obconsole.web;

import io.obconsole.backup.BackupRequest;
import io.obconsole.backup.BackupType;
import io.obconsole.backup.PreflightReport;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.TenantName;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements a confirmed start will send, as the confirmation page shows them (password as
 * {@code ***}), written by the cluster's own dialect in the order the backup service sends them:
 * concurrency, encryption password, BACKUP. (The backup service has no public preview yet; this
 * follows its order and must change with it.)
 */
final class StatementPreview {

    private static final char[] PLACEHOLDER = "password".toCharArray();

    private StatementPreview() {
    }

    static List<String> of(BackupRequest request, ObDialect dialect, PreflightReport report) {
        List<TenantName> covered = report.covered().stream().map(name -> dialect.tenant(name, report.covered())).toList();
        boolean everyTenant = request.scope().all() || dialect.mode() == ClusterMode.TENANT;
        List<String> statements = new ArrayList<>();
        if (request.concurrency() != null) {
            if (everyTenant) {
                statements.add(dialect.setThreadScore(request.concurrency(), null).redacted());
            } else {
                covered.forEach(t -> statements.add(dialect.setThreadScore(request.concurrency(), t).redacted()));
            }
        }
        if (request.encrypted()) {
            statements.add(dialect.setEncryption(PLACEHOLDER).redacted());
        }
        statements.add(dialect.backup(request.type() == BackupType.INCREMENTAL,
                request.scope().all() ? List.of() : covered, request.plusArchivelog(), request.description()).redacted());
        return statements;
    }
}
