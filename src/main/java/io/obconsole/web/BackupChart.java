package io.obconsole.web;

import io.obconsole.cluster.BackupSetFile;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant page's chart of its last backup sets, laid out on the server as SVG (no script, so
 * the Content-Security-Policy stays strict): a time axis along the bottom (each set at its start),
 * the duration as a bar on the left axis, the size written as a dot on the right axis, with ticks
 * and labels on all three.
 *
 * @param anyFailed    whether some bar is a failed set (the caption then says how those look)
 * @param anyCancelled whether some bar is a cancelled set
 */
public record BackupChart(int width, int height, Plot plot, List<Bar> bars, List<Tick> timeTicks,
        List<Tick> durationTicks, List<Tick> sizeTicks, String maxDuration, String maxSize, boolean anyFailed,
        boolean anyCancelled) {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    static final int LIMIT = 30;
    // the axis titles get a row of their own above the plot, so the top tick labels never run into them
    private static final int LEFT = 64, RIGHT = 64, TOP = 30, BOTTOM = 36, BAR = 10, TITLE_BASELINE = 12;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** The plotting area inside the axes (the other charts' too). */
    @io.quarkus.qute.TemplateData
    public record Plot(int left, int top, int right, int bottom) {
    }

    /** One set: duration bar geometry, size dot position (drawn only when the size is known) and a tooltip. */
    public record Bar(int x, int y, int barWidth, int barHeight, int dotX, int sizeY, boolean hasSize, String title,
            String css) {
    }

    /** An axis tick: where (x or y) and its label (the other charts' too). */
    @io.quarkus.qute.TemplateData
    public record Tick(int at, String label) {
    }

    /** The last {@link #LIMIT} ended sets of {@code newestFirst} (as the cluster lists them), oldest on the left. */
    static BackupChart of(List<BackupSetView> newestFirst) {
        List<BackupSetView> sets = new ArrayList<>();
        for (BackupSetView view : newestFirst) {
            if (view.duration() != null && view.set().start() != null && sets.size() < LIMIT) {
                sets.add(0, view);
            }
        }
        Plot plot = new Plot(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
        if (sets.isEmpty()) {
            return new BackupChart(WIDTH, HEIGHT, plot, List.of(), List.of(), List.of(), List.of(), null, null, false,
                    false);
        }
        LocalDateTime first = sets.get(0).set().start();
        LocalDateTime last = sets.get(sets.size() - 1).set().start();
        long span = Math.max(1, Duration.between(first, last).getSeconds());
        long maxSeconds = Math.max(1, sets.stream().mapToLong(s -> s.duration().getSeconds()).max().orElse(1));
        long maxBytes = Math.max(1, sets.stream().mapToLong(s -> s.set().outputBytes()).max().orElse(1));
        int plotWidth = plot.right() - plot.left() - BAR;
        int plotHeight = plot.bottom() - plot.top();
        List<Bar> bars = new ArrayList<>();
        for (BackupSetView view : sets) {
            BackupSetFile set = view.set();
            int x = plot.left() + (int) Math.round((double) Duration.between(first, set.start()).getSeconds() / span
                    * plotWidth);
            int h = (int) Math.max(2, Math.round((double) view.duration().getSeconds() / maxSeconds * plotHeight));
            int sizeY = plot.bottom() - (int) Math.round((double) set.outputBytes() / maxBytes * plotHeight);
            String title = view.type() + " #" + set.backupSetId() + " " + view.statusWord() + ": "
                    + Formats.human(view.duration()) + ", " + Formats.bytes(set.outputBytes()) + ", "
                    + Formats.utc(set.start());
            bars.add(new Bar(x, plot.bottom() - h, BAR, h, x + BAR / 2, sizeY, set.outputBytes() > 0, title,
                    view.chartCss()));
        }
        boolean anySize = sets.stream().anyMatch(s -> s.set().outputBytes() > 0);
        return new BackupChart(WIDTH, HEIGHT, plot, bars, timeTicks(plot, first, span, plotWidth),
                valueTicks(plot, maxSeconds, true), anySize ? valueTicks(plot, maxBytes, false) : List.of(),
                Formats.human(Duration.ofSeconds(maxSeconds)), anySize ? Formats.bytes(maxBytes) : null,
                sets.stream().anyMatch(BackupSetView::failed), sets.stream().anyMatch(BackupSetView::cancelled));
    }

    /** Five labelled instants from the first set's start to the last one's, in UTC. */
    private static List<Tick> timeTicks(Plot plot, LocalDateTime first, long span, int plotWidth) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            LocalDateTime at = first.plusSeconds(span * i / 4);
            ticks.add(new Tick(plot.left() + BAR / 2 + plotWidth * i / 4,
                    DAY_TIME.format(io.obconsole.fleet.ClusterTime.toUtc(at))));
        }
        return ticks;
    }

    /** 0, half and the maximum of a value axis (duration in words, or bytes). */
    private static List<Tick> valueTicks(Plot plot, long max, boolean duration) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            long value = max * i / 2;
            int y = plot.bottom() - (plot.bottom() - plot.top()) * i / 2;
            ticks.add(new Tick(y, duration ? Formats.human(Duration.ofSeconds(value)) : Formats.bytes(value)));
        }
        return ticks;
    }

    /** Where the value axes' titles sit: above the plot, clear of the tick labels. */
    public int titleY() {
        return TITLE_BASELINE;
    }

    public boolean empty() {
        return bars.isEmpty();
    }
}
