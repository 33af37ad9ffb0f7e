package io.obconsole.backup;

import io.obconsole.cluster.BackupType;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.ObStatement;
import io.obconsole.cluster.TenantName;
import io.obconsole.cluster.TenantState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a backup request and the cluster as it is now into the preflight's verdict and, if it
 * passes, the statements that carry it out (once, for the confirmation page and the start alike).
 */
final class BackupPlanner {

    private final Preflight preflight;

    BackupPlanner(Preflight preflight) {
        this.preflight = preflight;
    }

    /** The tenants the scope names, validated against the cluster's own list. */
    static List<TenantName> resolve(ObDialect dialect, ClusterSnapshot snapshot, BackupScope scope) {
        List<String> listed = snapshot.tenantNames();
        List<String> names = scope.all() ? listed : scope.tenants().stream().distinct().toList();
        return names.stream().map(name -> dialect.tenant(name, listed)).toList();
    }

    /** The preflight of the request on this snapshot and, if it passes, the statements that carry it out. */
    BackupPlan plan(BackupRequest request, ClusterSnapshot snapshot, ObDialect dialect, List<TenantName> tenants) {
        PreflightReport report = preflight.check(snapshot, dialect, tenants, request.scope().all(), request.type(),
                request.acknowledgeFullInsteadOfIncremental());
        if (!report.passed()) {
            return BackupPlan.refused(report);
        }
        List<TenantName> covered = tenants.stream().filter(t -> report.covered().contains(t.value())).toList();
        Map<String, Integer> previous = new LinkedHashMap<>();
        List<ObStatement> statements = statements(request, dialect, snapshot, covered, previous);
        return new BackupPlan(report, covered, statements, Collections.unmodifiableMap(previous));
    }

    /** Concurrency first (with the right TENANT clause), then the password, then the BACKUP. */
    private static List<ObStatement> statements(BackupRequest request, ObDialect dialect, ClusterSnapshot snapshot,
            List<TenantName> covered, Map<String, Integer> previous) {
        List<ObStatement> plan = new ArrayList<>();
        boolean everyTenant = request.scope().all() || dialect.mode() == ClusterMode.TENANT;
        if (request.concurrency() != null) {
            if (everyTenant) {
                plan.addAll(dialect.setThreadScoreOfEveryUserTenant(request.concurrency(), snapshot.tenants().stream()
                        .map(t -> dialect.tenant(t.name(), snapshot.tenantNames())).toList()));
                snapshot.tenants().forEach(t -> previous.put(t.name(), t.threadScore()));
            } else {
                for (TenantName tenant : covered) {
                    plan.add(dialect.setThreadScore(request.concurrency(), tenant));
                    previous.put(tenant.value(), snapshot.tenant(tenant.value()).map(TenantState::threadScore).orElse(null));
                }
            }
        }
        if (request.encrypted()) {
            char[] password = request.encryptionPassword().reveal();
            try {
                plan.add(dialect.setEncryption(password));
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        plan.add(dialect.backup(request.type() == BackupType.INCREMENTAL, request.scope().all() ? List.of() : covered,
                request.plusArchivelog(), request.description()));
        return plan;
    }

    /** Why a plan that did not pass may not run, as the exception the caller sees. */
    static RuntimeException refusal(PreflightReport report) {
        if (report.blockedByRunningBackup()) {
            return new AlreadyRunningException(report.findings().stream().filter(PreflightFinding::blocking)
                    .map(PreflightFinding::inWords).collect(Collectors.joining(" ")), null);
        }
        if (report.blocked()) {
            return new PreflightRefusedException(report.allTenants()
                    ? "No tenant of cluster " + report.cluster() + " can be backed up now; see each tenant's findings."
                    : "The preflight failed; see the findings and their fixes.", report);
        }
        return new PreflightRefusedException("OceanBase will take a FULL backup instead of an incremental one for "
                + report.tenants().stream().filter(TenantPreflight::needsAcknowledgement).map(TenantPreflight::tenant)
                        .collect(Collectors.joining(", "))
                + ": acknowledge this (acknowledgeFullInsteadOfIncremental) to go ahead.", report);
    }

    /** What the operator acknowledged, repeated with the result. */
    static List<String> warnings(PreflightReport report) {
        return report.tenants().stream().filter(t -> !t.blocked() && t.needsAcknowledgement())
                .flatMap(t -> t.findings().stream()).filter(f -> !f.blocking()).map(PreflightFinding::problem).toList();
    }
}
