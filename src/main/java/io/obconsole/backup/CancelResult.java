package io.obconsole.backup;

import java.util.List;

/** What a cancel returns: the running jobs it asked OceanBase to cancel (none if nothing ran) and the statement sent. */
public record CancelResult(long auditId, String cluster, List<StartedJob> canceling, List<String> statements) {
}
