package io.obconsole.web;

import io.obconsole.drill.DrillProof;
import io.obconsole.drill.DrillRunView;
import io.obconsole.drill.DrillState;
import io.obconsole.web.BackupChart.Plot;
import io.obconsole.web.BackupChart.Tick;
import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's restore drills as the tenant and drill policy pages show them: each drill with its
 * durations and what failed, and a chart of restore time against backup size laid out on the
 * server as SVG (no script), like the backup chart: size along the bottom, restore time up the
 * left, one dot per drill that measured both, red when the drill failed.
 */
@TemplateData
public record DrillHistory(List<Row> rows, Chart chart) {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 64, RIGHT = 24, TOP = 30, BOTTOM = 36, TITLE_BASELINE = 12;

    /** One drill: its state as a badge, and its figures in words ('–' where not known yet). */
    @TemplateData
    public record Row(DrillRunView run, String css, String pointAge, String restoreTook, String drillTook, String size,
            boolean running) {

        static Row of(DrillRunView run) {
            String css = switch (run.state()) {
                case PROVEN -> "ok";
                case FAILED -> "bad";
                case SKIPPED -> "warn";
                default -> "info";
            };
            return new Row(run, css, run.pointAgeSeconds() == null ? null : DrillProof.duration(run.pointAgeSeconds()),
                    seconds(run.restoreSeconds()), seconds(run.drillSeconds()),
                    run.restoredBytes() == null ? "–" : Formats.bytes(run.restoredBytes()), !run.state().ended());
        }

        private static String seconds(Long value) {
            return value == null ? "–" : Formats.human(Duration.ofSeconds(value));
        }
    }

    /** One drill on the chart, with its tooltip. */
    public record Dot(int x, int y, String css, String title) {
    }

    /** The chart; empty when no drill measured both its restore time and its size. */
    @TemplateData
    public record Chart(int width, int height, Plot plot, List<Dot> dots, List<Tick> sizeTicks, List<Tick> timeTicks,
            String maxTime, String maxSize, boolean anyFailed) {

        public boolean empty() {
            return dots.isEmpty();
        }

        public int titleY() {
            return TITLE_BASELINE;
        }
    }

    static DrillHistory of(List<DrillRunView> newestFirst) {
        return new DrillHistory(newestFirst.stream().map(Row::of).toList(), chart(newestFirst));
    }

    static Chart chart(List<DrillRunView> runs) {
        List<DrillRunView> measured = runs.stream().filter(r -> r.restoreSeconds() != null && r.restoredBytes() != null
                && (r.state() == DrillState.PROVEN || r.state() == DrillState.FAILED)).toList();
        Plot plot = new Plot(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
        if (measured.isEmpty()) {
            return new Chart(WIDTH, HEIGHT, plot, List.of(), List.of(), List.of(), null, null, false);
        }
        long maxSeconds = Math.max(1, measured.stream().mapToLong(DrillRunView::restoreSeconds).max().orElse(1));
        long maxBytes = Math.max(1, measured.stream().mapToLong(DrillRunView::restoredBytes).max().orElse(1));
        int plotWidth = plot.right() - plot.left();
        int plotHeight = plot.bottom() - plot.top();
        List<Dot> dots = new ArrayList<>();
        for (DrillRunView run : measured) {
            int x = plot.left() + (int) Math.round((double) run.restoredBytes() / maxBytes * plotWidth);
            int y = plot.bottom() - (int) Math.round((double) run.restoreSeconds() / maxSeconds * plotHeight);
            String took = Formats.human(Duration.ofSeconds(run.restoreSeconds()));
            dots.add(new Dot(x, y, run.state() == DrillState.PROVEN ? "proven" : "failed", "drill " + run.id() + " "
                    + run.state() + ": " + Formats.bytes(run.restoredBytes()) + " restored in " + took + ", "
                    + (run.endedAt() == null ? "" : Formats.utc(run.endedAt()))));
        }
        List<Tick> sizeTicks = new ArrayList<>();
        List<Tick> timeTicks = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            sizeTicks.add(new Tick(plot.left() + plotWidth * i / 2, Formats.bytes(maxBytes * i / 2)));
            timeTicks.add(new Tick(plot.bottom() - plotHeight * i / 2,
                    Formats.human(Duration.ofSeconds(maxSeconds * i / 2))));
        }
        return new Chart(WIDTH, HEIGHT, plot, dots, sizeTicks, timeTicks, Formats.human(Duration.ofSeconds(maxSeconds)),
                Formats.bytes(maxBytes), measured.stream().anyMatch(r -> r.state() == DrillState.FAILED));
    }
}
