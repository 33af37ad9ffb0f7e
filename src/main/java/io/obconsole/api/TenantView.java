package io.obconsole.api;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.TenantState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** A tenant and its backup state as the API shows it; ages and lags in seconds, times in cluster time. */
public record TenantView(long id, String name, String mode, String status, String archiveStatus,
        LocalDateTime archiveCheckpoint, Long archiveLagSeconds, String backupDest, Integer concurrency,
        SetView lastFull, SetView lastIncremental, List<BackupJob> running) {

    /** A backup set and its age, i.e. how old the recovery point it gives is. */
    public record SetView(long backupSetId, LocalDateTime end, Long ageSeconds) {
        static SetView of(BackupSet set) {
            return set == null ? null : new SetView(set.backupSetId(), set.end(), seconds(set.age()));
        }
    }

    static TenantView of(TenantState state) {
        return new TenantView(state.tenant().id(), state.name(), state.tenant().mode(), state.tenant().status(),
                state.archive().status(), state.archive().checkpoint(), seconds(state.archive().lag()),
                state.backupDest(), state.threadScore(), SetView.of(state.lastFull()), SetView.of(state.lastInc()),
                state.running());
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
