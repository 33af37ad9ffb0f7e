package io.obconsole.restore;

import io.obconsole.window.PointCheck;
import io.obconsole.cluster.ObStatement;
import java.util.List;

/**
 * The statements a restore sends, in order, for the review page and the audit trail: the pool's
 * (on any connection), then SET DECRYPTION and RESTORE on one connection of their own.
 *
 * @param check where the point falls in the source's recoverable window
 */
public record RestorePlan(List<ObStatement> prepare, List<ObStatement> restore, PointCheck check) {

    public List<ObStatement> all() {
        return java.util.stream.Stream.concat(prepare.stream(), restore.stream()).toList();
    }

    /** What the target's RESTORE PREVIEW found, one line per set or piece (credentials masked); empty for a tenant source. */
    public List<String> previewed() {
        return check instanceof PointCheck.Previewed previewed ? previewed.found() : List.of();
    }

    /** As shown and audited: passwords and storage keys masked. */
    public List<String> redacted() {
        return all().stream().map(ObStatement::redacted).toList();
    }
}
