package io.obconsole.alert;

import io.obconsole.cluster.BackupSetFile;
import io.obconsole.fleet.ClusterTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's recovery point over the last 30 days, laid out on the server as SVG: a line of how old
 * the newest restorable moment was at each time (none before the first good backup set, zero-ish
 * while the archive was DOING after one, growing from each good backup set's end otherwise), the objective's limit as a dashed line, a mark per
 * backup set, and a band for the archive (DOING, a gap, or not seen).
 */
public record RecoveryTimeline(int width, int height, int left, int plotBottom, String path, List<Mark> marks,
        List<Band> bands, List<Tick> xTicks, List<Tick> yTicks, Integer limitY, String limitLabel, String caption) {

    public static final Duration SPAN = Duration.ofDays(30);
    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    static final int LEFT = 56;
    static final int RIGHT = 12;
    static final int TOP = 10;
    static final int BAND = 10;
    static final int BOTTOM = HEIGHT - 40;
    static final int SAMPLES = 240;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** A backup set's end: FULL, INC or failed, with a tooltip. */
    public record Mark(int x, int y, String css, String title) {
    }

    /** A stretch of the archive band: DOING (ok) or another status (gap), with a tooltip. */
    public record Band(int x, int width, String css, String title) {
    }

    public record Tick(int at, String label) {
    }

    public boolean empty() {
        return path.isEmpty() && marks.isEmpty() && bands.isEmpty();
    }

    public static RecoveryTimeline of(LocalDateTime now, List<BackupSetFile> sets, List<ArchiveHistory.Interval> archive,
            Duration limit) {
        LocalDateTime start = now.minus(SPAN);
        List<LocalDateTime> goodEnds = sets.stream().filter(s -> s.succeeded() && s.end() != null)
                .map(BackupSetFile::end).sorted().toList();
        List<Long> ages = new ArrayList<>();
        long maxAge = Objective.set(limit) ? limit.getSeconds() * 5 / 4 : 3600;
        for (int i = 0; i <= SAMPLES; i++) {
            LocalDateTime t = start.plus(SPAN.multipliedBy(i).dividedBy(SAMPLES));
            Long age = ageAt(t, goodEnds, archive);
            ages.add(age);
            if (age != null) {
                maxAge = Math.max(maxAge, age);
            }
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = BOTTOM - TOP;
        final long top = maxAge;
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i <= SAMPLES; i++) {
            Long age = ages.get(i);
            if (age == null) {
                drawing = false;
                continue;
            }
            int x = LEFT + (int) Math.round(plotWidth * i / SAMPLES);
            int y = BOTTOM - (int) Math.round(plotHeight * Math.min(age, top) / top);
            path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M")).append(x).append(' ').append(y);
            drawing = true;
        }
        List<Mark> marks = new ArrayList<>();
        for (BackupSetFile set : sets) {
            if (set.end() == null || set.end().isBefore(start)) {
                continue;
            }
            int x = x(set.end(), start, plotWidth);
            String css = !set.succeeded() ? "failed" : set.incremental() ? "inc" : "full";
            marks.add(new Mark(x, BOTTOM, css, (set.incremental() ? "INC" : "FULL") + " #" + set.backupSetId() + " "
                    + set.status() + ", ended " + ClusterTime.utcText(set.end())));
        }
        List<Band> bands = new ArrayList<>();
        for (ArchiveHistory.Interval interval : archive) {
            LocalDateTime from = interval.from().isBefore(start) ? start : interval.from();
            LocalDateTime to = interval.to().isAfter(now) ? now : interval.to();
            if (to.isBefore(from)) {
                continue;
            }
            int x = x(from, start, plotWidth);
            bands.add(new Band(x, Math.max(2, x(to, start, plotWidth) - x), interval.doing() ? "doing" : "gap",
                    "archive " + interval.status() + " " + ClusterTime.utcText(from) + " – " + ClusterTime.utcText(to)));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int day = 0; day <= 30; day += 5) {
            LocalDateTime t = start.plusDays(day);
            xTicks.add(new Tick(x(t, start, plotWidth), DAY.format(t)));
        }
        List<Tick> yTicks = List.of(new Tick(BOTTOM, "0"), new Tick(TOP, Durations.words(Duration.ofSeconds(top))));
        Integer limitY = Objective.set(limit)
                ? BOTTOM - (int) Math.round(plotHeight * Math.min(limit.getSeconds(), top) / top) : null;
        long good = sets.stream().filter(s -> s.succeeded() && s.end() != null && !s.end().isBefore(start)).count();
        long gaps = bands.stream().filter(b -> "gap".equals(b.css())).count();
        String caption = "Age of the newest restorable moment over the last 30 days (cluster time, UTC): " + good
                + " good backup set(s), " + gaps + " archive gap(s) seen"
                + (Objective.set(limit) ? "; dashed line: the objective of " + Durations.words(limit) : "") + ".";
        return new RecoveryTimeline(WIDTH, HEIGHT, LEFT, BOTTOM, path.toString(), marks, bands, xTicks, yTicks, limitY,
                Objective.set(limit) ? Durations.words(limit) : null, caption);
    }

    /**
     * Seconds between t and the newest moment restorable at t, as far as the past can be told from
     * the sets and the archive's observed status (the pieces of then are not kept): nothing before
     * the first good set, as {@link RecoveryPoint} says; t itself while the archive was DOING after
     * one; else that set's end. Null when nothing was restorable.
     */
    static Long ageAt(LocalDateTime t, List<LocalDateTime> goodEnds, List<ArchiveHistory.Interval> archive) {
        LocalDateTime newest = null;
        for (LocalDateTime end : goodEnds) {
            if (!end.isAfter(t)) {
                newest = end;
            }
        }
        if (newest == null) {
            return null;
        }
        boolean archiving = archive.stream().anyMatch(i -> i.doing() && !t.isBefore(i.from()) && !t.isAfter(i.to()));
        return archiving ? 0L : Duration.between(newest, t).getSeconds();
    }

    private static int x(LocalDateTime t, LocalDateTime start, double plotWidth) {
        double fraction = (double) Duration.between(start, t).getSeconds() / SPAN.getSeconds();
        return LEFT + (int) Math.round(plotWidth * Math.max(0, Math.min(1, fraction)));
    }

    public int plotRight() {
        return width - RIGHT;
    }

    public int bandY() {
        return plotBottom + 4;
    }

    public int bandHeight() {
        return BAND;
    }
}
