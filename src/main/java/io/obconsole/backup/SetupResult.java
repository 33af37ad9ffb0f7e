package io.obconsole.backup;

import io.obconsole.cluster.TenantSetup;
import java.util.List;

/** A set-up change OceanBase accepted: its audit record, what was sent (masked) and the tenant's set-up read back. */
public record SetupResult(long auditId, SetupAction action, String before, String after, List<String> statements,
        List<String> warnings, TenantSetup now) {
}
