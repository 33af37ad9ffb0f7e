package io.obconsole.window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * A tenant's recoverable window: every point it can be restored to, from its backup sets and
 * archive pieces, computed as spec §3 describes (OceanBase's own selection in
 * {@code ob_restore_util.cpp}). Each usable set reaches from its {@code MIN_RESTORE_SCN} to the
 * checkpoint of the archive chain its {@code START_REPLAY_SCN} lies in; a set taken
 * {@code PLUS ARCHIVELOG} also reaches its own {@code MIN_RESTORE_SCN} without any archive; the
 * window is the union of these, merged. Encryption changes nothing here, only what a restore needs.
 */
public final class RestoreWindow {

    private final List<RestoreInterval> intervals;
    private final List<Reach> reaches;
    private final UsableSets usable;
    private final List<ArchiveChain> chains;

    private RestoreWindow(List<RestoreInterval> intervals, List<Reach> reaches, UsableSets usable,
            List<ArchiveChain> chains) {
        this.intervals = intervals;
        this.reaches = reaches;
        this.usable = usable;
        this.chains = chains;
    }

    /** How far one usable set reaches on its own. */
    private record Reach(RestoreSet set, RestoreInterval interval) {
    }

    /** The window of one tenant, from all its backup sets and archive pieces (any status: the rules pick). */
    public static RestoreWindow of(Collection<RestoreSet> sets, Collection<ArchivePiece> pieces) {
        UsableSets usable = UsableSets.of(sets);
        List<ArchiveChain> chains = ArchiveChain.of(pieces);
        // sweep the sets by replay start; the open chains are those started by then, the farthest checkpoint on top
        PriorityQueue<ArchiveChain> open = new PriorityQueue<>(Comparator.comparing(ArchiveChain::checkpoint).reversed());
        int next = 0;
        List<Reach> reaches = new ArrayList<>();
        for (RestoreSet set : usable.byId().stream().sorted(Comparator.comparing(RestoreSet::startReplayScn)).toList()) {
            Scn replayStart = set.startReplayScn();
            while (next < chains.size() && !chains.get(next).start().isAfter(replayStart)) {
                open.add(chains.get(next++));
            }
            // a chain ended by this start has ended for every later one too
            while (!open.isEmpty() && !open.peek().covers(replayStart)) {
                open.poll();
            }
            Scn min = set.minRestoreScn();
            if (!open.isEmpty() && !open.peek().checkpoint().isBefore(min)) {
                reaches.add(new Reach(set, new RestoreInterval(min, open.peek().checkpoint())));
            } else if (set.plusArchivelog()) {
                reaches.add(new Reach(set, new RestoreInterval(min, min)));
            }
        }
        reaches.sort(Comparator.comparingLong(r -> r.set().backupSetId()));
        return new RestoreWindow(merge(reaches), reaches, usable, List.copyOf(chains));
    }

    private static List<RestoreInterval> merge(List<Reach> reaches) {
        List<RestoreInterval> sorted = reaches.stream().map(Reach::interval)
                .sorted(Comparator.comparing(RestoreInterval::from)).toList();
        List<RestoreInterval> merged = new ArrayList<>();
        for (RestoreInterval interval : sorted) {
            RestoreInterval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            // SCNs are whole numbers: [a, b] and [b + 1, c] leave no point out
            if (last != null && interval.from().value() - 1 <= last.to().value()) {
                merged.set(merged.size() - 1, new RestoreInterval(last.from(),
                        interval.to().isAfter(last.to()) ? interval.to() : last.to()));
            } else {
                merged.add(interval);
            }
        }
        return List.copyOf(merged);
    }

    /** The stretches the tenant can be restored to, oldest first, disjoint and not touching. */
    public List<RestoreInterval> intervals() {
        return intervals;
    }

    /** The backup sets a restore may use (succeeded, available, their chain whole), oldest first. */
    public List<RestoreSet> usableSets() {
        return usable.byId();
    }

    /** What the archive log covers without a break, oldest first: each run of pieces from its start to its checkpoint. */
    public List<RestoreInterval> archiveCoverage() {
        return chains.stream().map(chain -> new RestoreInterval(chain.start(),
                chain.checkpoint().isBefore(chain.start()) ? chain.start() : chain.checkpoint())).toList();
    }

    /** Some point of the window is reached only through an encrypted set: a restore there needs its backup password. */
    public boolean needsDecryption() {
        return reaches.stream().anyMatch(reach -> usable.chainOf(reach.set()).stream().anyMatch(RestoreSet::encrypted));
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    /** Why there is no window at all; empty when there is one. */
    public Optional<Unrestorable> unrestorable() {
        return !isEmpty() ? Optional.empty()
                : Optional.of(usable.isEmpty() ? Unrestorable.NO_BACKUP_SET : Unrestorable.NO_ARCHIVE_LOG);
    }

    public Optional<Scn> earliest() {
        return isEmpty() ? Optional.empty() : Optional.of(intervals.get(0).from());
    }

    /** The latest restorable point; restore to it with an explicit {@code UNTIL SCN}, since OceanBase's default
     * (the archive's newest checkpoint) can lie past a gap that no backup set bridges. */
    public Optional<Scn> latest() {
        return isEmpty() ? Optional.empty() : Optional.of(intervals.get(intervals.size() - 1).to());
    }

    public PointCheck check(Instant point) {
        return check(Scn.of(point));
    }

    public PointCheck check(Scn point) {
        if (isEmpty()) {
            return new PointCheck.NoWindow(point, unrestorable().orElseThrow());
        }
        int at = lastStartingBy(point);
        if (at < 0) {
            return new PointCheck.BeforeFirst(point, intervals.get(0));
        }
        RestoreInterval interval = intervals.get(at);
        if (interval.contains(point)) {
            return new PointCheck.Inside(point, usable.chainOf(setFor(point)));
        }
        return at == intervals.size() - 1 ? new PointCheck.AfterLatest(point, interval)
                : new PointCheck.InGap(point, interval, intervals.get(at + 1));
    }

    /** The index of the last interval that starts at or before the point, or -1. */
    private int lastStartingBy(Scn point) {
        int low = 0;
        int high = intervals.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (intervals.get(mid).from().isAfter(point)) {
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        return high;
    }

    /** As OceanBase picks: the newest usable set that can stop at the point. */
    private RestoreSet setFor(Scn point) {
        for (int i = reaches.size() - 1; i >= 0; i--) {
            if (reaches.get(i).interval().contains(point)) {
                return reaches.get(i).set();
            }
        }
        throw new IllegalStateException("a point inside the window is reached by some set");
    }

    /** One line for a page or a log, e.g. {@code restorable from … to …}. */
    public String summary() {
        if (isEmpty()) {
            return "not restorable: " + unrestorable().orElseThrow().explanation();
        }
        return "restorable " + intervals.stream().map(RestoreInterval::utc).collect(Collectors.joining(", and "));
    }
}
