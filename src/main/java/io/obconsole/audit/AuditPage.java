package io.obconsole.audit;

import java.util.List;

/** One page of the trail, newest first, with the number of records matching the filter. */
public record AuditPage(List<AuditEntry> records, long total, int page, int size) {
}
