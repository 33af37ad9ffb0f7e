package io.obconsole.alert;

import io.obconsole.fleet.ClusterTime;
import io.obconsole.window.RestoreWindow;
import io.obconsole.window.Unrestorable;
import java.time.LocalDateTime;

/**
 * The newest moment a tenant can be restored to: the upper end of its recoverable window, the one
 * definition the objective, the pages, the API, alerts and a restore's admission share. Nothing
 * while the window is empty: no backup set succeeded (archived log alone restores nothing), or no
 * archived log continues one.
 *
 * @param at   null when there is none
 * @param none why there is none, in the window's words; null when there is one
 */
public record RecoveryPoint(LocalDateTime at, RecoveryPointSource source, Unrestorable none) {

    /**
     * The window's latest point (cluster time), from the archive when it lies past the newest good
     * set's end; none while the window is empty.
     */
    public static RecoveryPoint of(RestoreWindow window, LocalDateTime newestGoodSetEnd) {
        return window.latest().map(latest -> {
            LocalDateTime at = ClusterTime.ofInstant(latest.toInstant());
            return new RecoveryPoint(at, newestGoodSetEnd != null && !at.isAfter(newestGoodSetEnd)
                    ? RecoveryPointSource.BACKUP_SET : RecoveryPointSource.ARCHIVE, null);
        }).orElseGet(() -> new RecoveryPoint(null, RecoveryPointSource.NONE,
                window.unrestorable().orElse(Unrestorable.NO_BACKUP_SET)));
    }
}
