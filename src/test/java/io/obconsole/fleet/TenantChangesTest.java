package io.obconsole.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.ArchiveStatus;
import io.obconsole.cluster.BackupSetFile;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.StateRound;
import io.obconsole.cluster.Tenant;
import io.obconsole.cluster.TenantState;
import io.obconsole.fleet.ClusterRound.TenantChange;
import io.obconsole.fleet.ClusterRound.TenantEvent;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a state read found changed in a tenant since the read before: each change once, nothing at the first read. */
class TenantChangesTest {

    private static final long T = 1002;

    @Test
    void setsAddedAndAnArchiveThatChangedStateAreFoundOnce() {
        StateRound first = round("DOING", 1);
        assertThat(ClusterRound.between(null, first)).as("the first read: nothing to compare with").isEmpty();
        assertThat(ClusterRound.between(first, round("DOING", 1))).as("nothing changed").isEmpty();

        assertThat(ClusterRound.between(first, round("INTERRUPTED", 1, 2, 3))).containsExactly(
                new TenantChange("mysql_tenant", TenantEvent.ARCHIVE_CHANGED, "DOING -> INTERRUPTED"),
                new TenantChange("mysql_tenant", TenantEvent.SETS_ADDED, "[2, 3]"));
        // an old set that dropped off the newest ones listed was not added
        assertThat(ClusterRound.between(round("DOING", 1, 2), round("DOING", 2))).isEmpty();
    }

    private static StateRound round(String archive, long... setIds) {
        TenantState tenant = new TenantState(new Tenant(T, "mysql_tenant", "MYSQL", "NORMAL"),
                new ArchiveStatus(archive, null, null), "", null, null, null, List.of());
        List<BackupSetFile> sets = java.util.Arrays.stream(setIds).mapToObj(id -> new BackupSetFile(T, id, "FULL", 0, 0, null,
                null, "SUCCESS", "AVAILABLE", 60, false, 1, 1, 0, "", "file:///b/" + id)).toList();
        return new StateRound("demo", ClusterMode.SYS, "4.2.1.0", LocalDateTime.now(), List.of(tenant), List.of(),
                Map.of(T, sets), Map.of(), Map.of());
    }
}
