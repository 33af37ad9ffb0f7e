package io.obconsole.window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backup sets a restore may use, as OceanBase selects them: succeeded and available, and an
 * incremental set only when the set it builds on is usable and belongs to the same full set.
 */
final class UsableSets {

    private final List<RestoreSet> byId;
    private final Map<Long, RestoreSet> sets = new HashMap<>();

    private UsableSets(List<RestoreSet> byId) {
        this.byId = byId;
        byId.forEach(set -> sets.put(set.backupSetId(), set));
    }

    static UsableSets of(Collection<RestoreSet> all) {
        Map<Long, Long> fullOf = new HashMap<>();
        List<RestoreSet> usable = new ArrayList<>();
        for (RestoreSet set : all.stream().sorted(Comparator.comparingLong(RestoreSet::backupSetId)).toList()) {
            Long full = !set.intact() ? null : set.full() ? Long.valueOf(set.backupSetId()) : fullOf.get(set.prevIncBackupSetId());
            if (full != null && (set.full() || full == set.prevFullBackupSetId())) {
                fullOf.put(set.backupSetId(), full);
                usable.add(set);
            }
        }
        return new UsableSets(List.copyOf(usable));
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Oldest first. */
    List<RestoreSet> byId() {
        return byId;
    }

    /** The set and those it builds on, full set first. */
    List<RestoreSet> chainOf(RestoreSet set) {
        Deque<RestoreSet> chain = new ArrayDeque<>();
        for (RestoreSet s = set; s != null; s = s.full() ? null : sets.get(s.prevIncBackupSetId())) {
            chain.addFirst(s);
        }
        return List.copyOf(chain);
    }
}
