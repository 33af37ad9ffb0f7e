package io.obconsole.web;

import io.obconsole.cluster.BackupSetFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant page's chart of its last backup sets, laid out on the server as SVG coordinates: one
 * bar per set for its duration, and a dot per set for the size it wrote where that is known.
 *
 * @param maxDuration the longest duration charted, in words
 * @param maxSize     the largest size charted, in words; null when no set reports one
 * @param anyFailed   whether some bar is a failed set (the caption then says how those look)
 */
public record BackupChart(int width, int height, List<Bar> bars, String maxDuration, String maxSize,
        boolean anyFailed) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    static final int LIMIT = 30;

    /** One set: duration bar geometry, size dot position (drawn only when the size is known) and a tooltip. */
    public record Bar(int x, int y, int barWidth, int barHeight, int dotX, int sizeY, boolean hasSize, String title,
            String css) {
    }

    /** One set as the chart needs it, oldest first. */
    private record Point(long seconds, long bytes, String label, String css) {
    }

    /** The last {@link #LIMIT} ended sets of {@code newestFirst} (as the cluster lists them), oldest on the left. */
    static BackupChart of(List<BackupSetView> newestFirst) {
        List<Point> points = new ArrayList<>();
        for (BackupSetView view : newestFirst) {
            if (view.duration() != null && points.size() < LIMIT) {
                points.add(0, point(view));
            }
        }
        return layout(points);
    }

    private static Point point(BackupSetView view) {
        BackupSetFile set = view.set();
        Duration duration = view.duration();
        String label = view.type() + " #" + set.backupSetId() + " " + set.status() + ": " + Formats.human(duration)
                + ", " + Formats.bytes(set.outputBytes()) + ", " + Formats.utc(set.start());
        String css = view.failed() ? "failed" : set.incremental() ? "inc" : "full";
        return new Point(duration.getSeconds(), set.outputBytes(), label, css);
    }

    private static BackupChart layout(List<Point> points) {
        long maxSeconds = Math.max(1, points.stream().mapToLong(Point::seconds).max().orElse(1));
        long maxBytes = Math.max(1, points.stream().mapToLong(Point::bytes).max().orElse(1));
        int slot = WIDTH / LIMIT;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            int h = (int) Math.max(2, Math.round((double) p.seconds() / maxSeconds * (HEIGHT - 10)));
            int sizeY = HEIGHT - (int) Math.round((double) p.bytes() / maxBytes * (HEIGHT - 10));
            int x = i * slot + 2;
            bars.add(new Bar(x, HEIGHT - h, slot - 4, h, x + (slot - 4) / 2, sizeY, p.bytes() > 0, p.label(), p.css()));
        }
        return new BackupChart(WIDTH, HEIGHT, bars, Formats.human(Duration.ofSeconds(maxSeconds)),
                points.stream().anyMatch(p -> p.bytes() > 0) ? Formats.bytes(maxBytes) : null,
                points.stream().anyMatch(p -> "failed".equals(p.css())));
    }

    public boolean empty() {
        return bars.isEmpty();
    }
}
