package io.obconsole.backup;

import io.obconsole.cluster.BackupType;
import java.util.List;
import java.util.Map;

/**
 * What a started backup returns: the new job ids, the statements as sent (redacted), the tenants
 * OceanBase skipped (all tenants) and the concurrency each tenant had before.
 *
 * @param previousConcurrency ha_low_thread_score per tenant before the change (empty if unchanged)
 */
public record BackupResult(long auditId, String cluster, BackupType type, List<StartedJob> jobs,
        List<String> statements, List<TenantPreflight> skipped, Map<String, Integer> previousConcurrency,
        List<String> warnings) {
}
