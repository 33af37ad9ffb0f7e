package io.obconsole.api;

import io.obconsole.fleet.ClusterTime;
import io.obconsole.fleet.FleetView.VisibleTenant;
import io.obconsole.window.RestoreInterval;
import io.obconsole.window.RestoreWindow;
import io.obconsole.window.Scn;
import io.obconsole.window.Unrestorable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's recoverable window as the API shows it: the points it can be restored to (SCN and
 * UTC), the latest and how old it is, whether a restore needs the backup password, and when it
 * cannot be restored at all, why. SCNs are strings: they exceed the integers a JSON number keeps exactly.
 */
public record RecoverableWindowView(String cluster, String tenant, boolean restorable, List<Interval> intervals,
        Point earliest, Point latest, Long latestAgeSeconds, boolean needsDecryption, Unrestorable unrestorable,
        String reason, Instant readAt) {

    /** One point of the log: OceanBase's SCN (nanoseconds since the epoch) and the same instant in UTC. */
    public record Point(@Schema(description = "SCN, a decimal string", examples = "1715940000123456000") String scn,
            Instant utc) {
        static Point of(Scn scn) {
            return new Point(scn.toString(), scn.toInstant());
        }
    }

    /** A stretch of restorable points, both ends included. */
    public record Interval(Point from, Point to) {
        static Interval of(RestoreInterval interval) {
            return new Interval(Point.of(interval.from()), Point.of(interval.to()));
        }
    }

    static RecoverableWindowView of(VisibleTenant visible, RestoreWindow window) {
        String cluster = visible.state().cluster();
        String tenant = visible.tenant().name();
        Instant readAt = visible.state().stateReadAt();
        if (window.isEmpty()) {
            Unrestorable why = window.unrestorable().orElseThrow();
            return new RecoverableWindowView(cluster, tenant, false, List.of(), null, null, null, false, why,
                    why.explanation(), readAt);
        }
        Scn latest = window.latest().orElseThrow();
        Long age = visible.state().clusterNow() == null ? null : Math.max(0, Duration.between(
                ClusterTime.ofInstant(latest.toInstant()), visible.state().clusterNow()).toSeconds());
        return new RecoverableWindowView(cluster, tenant, true, window.intervals().stream().map(Interval::of).toList(),
                Point.of(window.earliest().orElseThrow()), Point.of(latest), age, window.needsDecryption(), null, null,
                readAt);
    }
}
