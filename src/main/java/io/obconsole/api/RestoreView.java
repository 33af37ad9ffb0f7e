package io.obconsole.api;

import io.obconsole.fleet.FleetRestore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A restore as the API shows it: OceanBase's figures, the fleet's derived progress, and for an ended one what it means. */
@Schema(description = "A running or ended restore")
public record RestoreView(String key, String cluster, String tenant, long jobId, String sourceTenant, String status,
        String phase, boolean running, Double dataPercent, Double logPercent, Long tablets, Long finishedTablets,
        Double tabletsPerSecond, Long etaSeconds, String restoreScn, String restorePoint, String startedAt, String endedAt,
        String comment, String explanation) {

    static RestoreView of(FleetRestore r, String explanation) {
        var row = r.row();
        return new RestoreView(r.key(), r.cluster(), row.tenantName(), row.jobId(), row.backupTenantName(),
                r.status().name(), r.status().phase(), r.running(), r.dataPercent(), r.logPercent(), row.tabletCount(),
                row.finishTabletCount(), r.tabletsPerSecond(), r.etaSeconds(),
                row.restoreScn() == null ? null : row.restoreScn().toString(), row.restoreScnDisplay(),
                row.start() == null ? null : row.start().toString(), row.end() == null ? null : row.end().toString(),
                row.comment() == null || row.comment().isBlank() ? null : row.comment(), explanation);
    }
}
