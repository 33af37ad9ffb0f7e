package io.obconsole.fleet;

import io.obconsole.cluster.RestoreRow;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Follows one restore across poll rounds for what no view holds: how fast its tablets (or its
 * percent) move, and so when it should end. Rates are in cluster time, from the first round that
 * saw the job moving.
 */
public final class RestoreTrack {

    private LocalDateTime firstAt;
    private double firstDone;
    private Long firstTablets;

    public FleetRestore observe(String cluster, RestoreRow row, LocalDateTime now) {
        RestoreStatus status = RestoreStatus.of(row.status());
        Double data = dataPercent(row, status);
        Double log = row.ended() ? (status.succeeded() ? Double.valueOf(100) : null) : row.recoverProgress();
        boolean cancelled = row.ended() && row.comment() != null && row.comment().contains(FleetRestore.CANCELED_COMMENT);
        Double tabletRate = null;
        Long eta = null;
        double done = overall(data, log);
        if (!row.ended() && now != null) {
            if (firstAt == null) {
                firstAt = now;
                firstDone = done;
                firstTablets = row.finishTabletCount();
            }
            double seconds = Duration.between(firstAt, now).toMillis() / 1000.0;
            if (seconds > 0) {
                if (firstTablets != null && row.finishTabletCount() != null) {
                    tabletRate = Math.max(0, (row.finishTabletCount() - firstTablets) / seconds);
                }
                double perSecond = (done - firstDone) / seconds;
                if (perSecond > 0 && done < 100) {
                    eta = (long) Math.ceil((100 - done) / perSecond);
                }
            }
        }
        return new FleetRestore(FleetRestore.keyOf(cluster, row), cluster, row, status, data, log, tabletRate, eta,
                cancelled);
    }

    /** RESTORE_PROGRESS where the view has it; else finished over all tablets; 100 once it succeeded. */
    static Double dataPercent(RestoreRow row, RestoreStatus status) {
        if (row.ended() && status.succeeded()) {
            return 100.0;
        }
        if (row.restoreProgress() != null) {
            return row.restoreProgress();
        }
        if (row.tabletCount() != null && row.tabletCount() > 0 && row.finishTabletCount() != null) {
            return Math.floor(row.finishTabletCount() * 1000.0 / row.tabletCount()) / 10;
        }
        return null;
    }

    /** Data and log weigh alike in the ETA: both must reach 100. */
    private static double overall(Double data, Double log) {
        return ((data == null ? 0 : data) + (log == null ? 0 : log)) / 2;
    }
}
