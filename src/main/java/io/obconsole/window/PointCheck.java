package io.obconsole.window;

import java.util.List;
import java.util.stream.Collectors;

/** Whether a requested restore point is inside a tenant's recoverable window and, when it is not, why. */
public sealed interface PointCheck {

    Scn point();

    /** What an operator reads beside the point they asked for. */
    String explanation();

    default boolean inside() {
        return this instanceof Inside || this instanceof Previewed;
    }

    /** Restorable; {@code sets} are the backup sets the restore reads, full set first. */
    record Inside(Scn point, List<RestoreSet> sets) implements PointCheck {

        public Inside {
            sets = List.copyOf(sets);
        }

        /** Some set of the chain was taken with a backup password: the restore needs it. */
        public boolean needsDecryption() {
            return sets.stream().anyMatch(RestoreSet::encrypted);
        }

        @Override
        public String explanation() {
            String ids = sets.stream().map(s -> Long.toString(s.backupSetId())).collect(Collectors.joining(", "));
            return point.utc() + " is restorable from backup set" + (sets.size() > 1 ? "s " : " ") + ids + "."
                    + (needsDecryption() ? " The backup is encrypted: the restore needs its backup password." : "");
        }
    }

    /**
     * Restorable as the target cluster itself found with {@code RESTORE ... PREVIEW} (a backup given by
     * its URIs, whose window no view of the fleet describes).
     *
     * @param found what {@code SHOW RESTORE PREVIEW} listed, one line per set or piece, credentials masked
     */
    record Previewed(Scn point, String cluster, List<String> found) implements PointCheck {

        public Previewed {
            found = List.copyOf(found);
        }

        @Override
        public String explanation() {
            return point.utc() + " is restorable: cluster " + cluster + "'s RESTORE PREVIEW found " + found.size()
                    + " backup sets and archive pieces to restore from.";
        }
    }

    record NoWindow(Scn point, Unrestorable why) implements PointCheck {

        @Override
        public String explanation() {
            return why.explanation();
        }
    }

    record BeforeFirst(Scn point, RestoreInterval first) implements PointCheck {

        @Override
        public String explanation() {
            return point.utc() + " is before the earliest restorable point, " + first.from().utc()
                    + ": no usable backup set is that old.";
        }
    }

    record InGap(Scn point, RestoreInterval before, RestoreInterval after) implements PointCheck {

        @Override
        public String explanation() {
            return point.utc() + " falls in a gap of the archive log: the tenant is restorable up to "
                    + before.to().utc() + " and again from " + after.from().utc() + ", not in between.";
        }
    }

    record AfterLatest(Scn point, RestoreInterval last) implements PointCheck {

        @Override
        public String explanation() {
            return point.utc() + " is after the latest restorable point, " + last.to().utc()
                    + ": the archive log reaches no further.";
        }
    }
}
