package io.obconsole.web;

import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.ClusterTime;
import io.obconsole.window.RestoreInterval;
import io.obconsole.window.RestoreWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A tenant's recoverable window as the pages show it, from the fleet read model (computed there
 * when the tenant's sets or pieces changed, never per page view): the intervals, the latest point
 * and how long ago it is, whether a restore needs the backup password, or why nothing is restorable;
 * on the tenant page also its timeline.
 *
 * @param computed  false while the cluster's state has not been read
 * @param timeline  null on the overview, or when there is nothing to draw
 */
public record RecoverableWindowSection(boolean computed, boolean restorable, List<Span> intervals, Instant latest,
        String latestAgo, boolean needsDecryption, String reason, WindowTimeline timeline) {

    /** One restorable interval in instants, for the time tag. */
    public record Span(Instant from, Instant to) {
    }

    static final RecoverableWindowSection NOT_COMPUTED = new RecoverableWindowSection(false, false, List.of(), null, null,
            false, null, null);

    static RecoverableWindowSection of(ClusterState state, long tenantId, Messages msg, boolean withTimeline) {
        RestoreWindow window = state.window(tenantId).orElse(null);
        if (window == null) {
            return NOT_COMPUTED;
        }
        Instant now = state.clusterNow() == null ? Instant.now()
                : ClusterTime.toUtc(state.clusterNow()).toInstant(ZoneOffset.UTC);
        WindowTimeline timeline = withTimeline ? WindowTimeline.of(window, now, msg) : null;
        if (window.isEmpty()) {
            return new RecoverableWindowSection(true, false, List.of(), null, null, false,
                    window.unrestorable().orElseThrow().explanation(), timeline);
        }
        Instant latest = window.latest().orElseThrow().toInstant();
        return new RecoverableWindowSection(true, true, window.intervals().stream().map(RecoverableWindowSection::span)
                .toList(), latest, Formats.ago(Duration.between(latest, now).isNegative() ? Duration.ZERO
                        : Duration.between(latest, now)), window.needsDecryption(), null, timeline);
    }

    private static Span span(RestoreInterval interval) {
        return new Span(interval.from().toInstant(), interval.to().toInstant());
    }

    /** More than one interval: the archive has a gap the page lists. */
    public boolean hasGap() {
        return intervals.size() > 1;
    }
}
