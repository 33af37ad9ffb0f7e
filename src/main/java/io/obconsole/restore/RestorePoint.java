package io.obconsole.restore;

import io.obconsole.window.RestoreWindow;
import io.obconsole.window.Scn;
import java.time.Instant;

/** Where a restore stops: the latest restorable point, a time, or an SCN (ob-restore-spec 1.1 UNTIL). */
public sealed interface RestorePoint {

    /** The latest point of the recoverable window (sent as an explicit SCN, see {@link RestoreWindow#latest}). */
    record Latest() implements RestorePoint {
        @Override
        public String toString() {
            return "latest";
        }
    }

    /**
     * A moment, as the person gave it (their zone already applied); one no SCN can hold (after
     * 2262-04-11) is refused here, where the request is read, as any other bad point.
     */
    record AtTime(Instant at) implements RestorePoint {

        public AtTime {
            Scn.of(at);
        }

        @Override
        public String toString() {
            return "time " + Scn.of(at).utc();
        }
    }

    record AtScn(Scn scn) implements RestorePoint {
        @Override
        public String toString() {
            return "SCN " + scn.value();
        }
    }
}
