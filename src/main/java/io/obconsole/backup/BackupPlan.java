package io.obconsole.backup;

import io.obconsole.cluster.ObStatement;
import io.obconsole.cluster.TenantName;
import java.util.List;
import java.util.Map;

/**
 * What a start of a backup sends, worked out from the cluster as it is now: the preflight, the
 * tenants the BACKUP covers and the statements in the order they run. The confirmation page shows
 * {@link #redacted()}; {@link BackupService#start} sends {@link #statements()} of a plan made the
 * same way. A plan whose preflight did not pass has no statements.
 *
 * @param previousConcurrency ha_low_thread_score per tenant before the plan changes it (empty if it does not)
 */
public record BackupPlan(PreflightReport report, List<TenantName> covered, List<ObStatement> statements,
        Map<String, Integer> previousConcurrency) {

    static BackupPlan refused(PreflightReport report) {
        return new BackupPlan(report, List.of(), List.of(), Map.of());
    }

    /** The statements as people may see them: the encryption password as {@code ***}. */
    public List<String> redacted() {
        return statements.stream().map(ObStatement::redacted).toList();
    }
}
