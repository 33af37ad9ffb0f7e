package io.obconsole.web;

import io.obconsole.window.RestoreInterval;
import io.obconsole.window.RestoreSet;
import io.obconsole.window.RestoreWindow;
import io.obconsole.window.Scn;
import io.obconsole.web.BackupChart.Tick;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant page's timeline of its recoverable window, laid out on the server as SVG like the
 * other charts: three lanes along one UTC time axis (the usable backup sets, from where each starts
 * replaying the log to the first point it restores; what the archive log covers; the restorable
 * intervals with the gaps between them marked), up to the cluster's now.
 */
public record WindowTimeline(int width, int height, int left, int right, List<Lane> lanes, List<Tick> ticks,
        int axisY) {

    static final int WIDTH = 720;
    private static final int LEFT = 96, RIGHT = 12, TOP = 8, LANE = 26, BAND = 14, MIN_WIDTH = 3;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** One row of the chart: its label and its bands. */
    public record Lane(String id, String label, int y, int labelY, List<Band> bands) {
    }

    /**
     * A stretch drawn on a lane, with its tooltip; on the sets' lane also how many sets it draws and
     * how many of them are full ones (0 on the other lanes).
     */
    public record Band(int x, int width, String css, String title, int sets, int fullSets) {

        Band(int x, int width, String css, String title) {
            this(x, width, css, title, 0, 0);
        }
    }

    /** The timeline from the window's sets and archive up to {@code now}; null when there is nothing to draw. */
    static WindowTimeline of(RestoreWindow window, Instant now, Messages msg) {
        List<RestoreSet> sets = window.usableSets();
        List<RestoreInterval> archive = window.archiveCoverage();
        Instant from = now;
        for (RestoreSet set : sets) {
            from = min(from, set.startReplayScn().toInstant());
        }
        for (RestoreInterval covered : archive) {
            from = min(from, covered.from().toInstant());
        }
        if (sets.isEmpty() && archive.isEmpty()) {
            return null;
        }
        Scale scale = new Scale(from, now.isAfter(from) ? now : from.plusSeconds(1), LEFT, WIDTH - RIGHT);
        List<Band> setBands = setBands(sets, scale, msg);
        List<Band> archiveBands = archive.stream().map(covered -> scale.band(covered.from(), covered.to(), "doing",
                msg.window_archive_title(covered.from().utc(), covered.to().utc()))).toList();
        List<Band> restorable = new ArrayList<>();
        List<RestoreInterval> intervals = window.intervals();
        for (int i = 0; i < intervals.size(); i++) {
            RestoreInterval interval = intervals.get(i);
            restorable.add(scale.band(interval.from(), interval.to(), "restorable",
                    msg.window_interval_title(interval.from().utc(), interval.to().utc())));
            if (i + 1 < intervals.size()) {
                Scn next = intervals.get(i + 1).from();
                restorable.add(scale.band(interval.to(), next, "gap", msg.window_gap_title(interval.to().utc(), next.utc())));
            }
        }
        List<Lane> lanes = List.of(lane(0, "window-sets", msg.window_lane_sets(), setBands),
                lane(1, "window-archive", msg.window_lane_archive(), archiveBands),
                lane(2, "window-restorable", msg.window_lane_restorable(), restorable));
        int axisY = TOP + 3 * LANE + 4;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            Instant at = scale.from.plusMillis(scale.spanMillis * i / 4);
            ticks.add(new Tick(scale.x(at), DAY_TIME.format(at)));
        }
        return new WindowTimeline(WIDTH, axisY + 22, LEFT, WIDTH - RIGHT, lanes, ticks, axisY);
    }

    /**
     * One band per set while they lie apart; sets whose bands would overlap on the chart (years of
     * history in 700 pixels) are drawn as one band saying how many sets it holds, so the page stays
     * the same size whatever the history.
     */
    private static List<Band> setBands(List<RestoreSet> sets, Scale scale, Messages msg) {
        List<RestoreSet> ordered = sets.stream()
                .sorted(java.util.Comparator.comparing(RestoreSet::startReplayScn)).toList();
        List<Band> bands = new ArrayList<>();
        List<RestoreSet> group = new ArrayList<>();
        Band groupBand = null;
        for (RestoreSet set : ordered) {
            Band band = scale.band(set.startReplayScn(), set.minRestoreScn(), set.full() ? "full" : "inc", "");
            if (groupBand != null && band.x() <= groupBand.x() + groupBand.width()) {
                int end = Math.max(groupBand.x() + groupBand.width(), band.x() + band.width());
                groupBand = new Band(groupBand.x(), end - groupBand.x(), groupBand.css(), "");
                group.add(set);
                continue;
            }
            if (groupBand != null) {
                bands.add(titled(groupBand, group, msg));
            }
            group = new ArrayList<>(List.of(set));
            groupBand = band;
        }
        if (groupBand != null) {
            bands.add(titled(groupBand, group, msg));
        }
        return bands;
    }

    private static Band titled(Band band, List<RestoreSet> group, Messages msg) {
        RestoreSet first = group.get(0);
        if (group.size() == 1) {
            return new Band(band.x(), band.width(), band.css(), msg.window_set_title(first.backupSetId(),
                    first.type().name(), first.minRestoreScn().utc()) + (first.encrypted() ? " " + msg.window_encrypted() : ""),
                    1, first.full() ? 1 : 0);
        }
        RestoreSet last = group.get(group.size() - 1);
        long full = group.stream().filter(RestoreSet::full).count();
        boolean encrypted = group.stream().anyMatch(RestoreSet::encrypted);
        return new Band(band.x(), band.width(), full > 0 ? "full" : "inc", msg.window_sets_title(group.size(), full,
                first.backupSetId(), last.backupSetId(), first.minRestoreScn().utc(), last.minRestoreScn().utc())
                + (encrypted ? " " + msg.window_encrypted() : ""), group.size(), (int) full);
    }

    private static Lane lane(int row, String id, String label, List<Band> bands) {
        int y = TOP + row * LANE;
        return new Lane(id, label, y, y + BAND - 3, bands);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Instants to x positions between {@code left} and {@code right}. */
    private record Scale(Instant from, long spanMillis, int left, int right) {

        Scale(Instant from, Instant to, int left, int right) {
            this(from, Math.max(1, to.toEpochMilli() - from.toEpochMilli()), left, right);
        }

        int x(Instant at) {
            double share = (double) (at.toEpochMilli() - from.toEpochMilli()) / spanMillis;
            return left + (int) Math.round(Math.max(0, Math.min(1, share)) * (right - left));
        }

        Band band(Scn start, Scn end, String css, String title) {
            int x = x(start.toInstant());
            return new Band(Math.min(x, right - MIN_WIDTH), Math.max(MIN_WIDTH, x(end.toInstant()) - x), css, title);
        }
    }

    /** The lanes' band height (the template draws each band this high at its lane's y). */
    public int band() {
        return BAND;
    }
}
