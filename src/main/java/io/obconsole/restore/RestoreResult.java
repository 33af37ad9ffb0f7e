package io.obconsole.restore;

import java.util.List;

/**
 * A restore OceanBase accepted: its job (the key the fleet, the pages and the socket know it by)
 * and the statements as sent, masked.
 */
public record RestoreResult(long auditId, String cluster, String tenant, long jobId, String key, String point,
        List<String> statements) {
}
