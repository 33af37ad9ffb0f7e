package io.obconsole.restore;

import java.util.List;

/**
 * A cancel or activate OceanBase accepted, with the tenant's TENANT_ROLE read before and after
 * (a cancelled restore's tenant is gone: {@code roleAfter} null).
 */
public record RestoreActionResult(long auditId, String cluster, String tenant, String roleBefore, String roleAfter,
        List<String> statements) {
}
