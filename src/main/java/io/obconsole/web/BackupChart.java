package io.obconsole.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenant page's chart of its last backups, laid out on the server as SVG coordinates: one
 * bar per backup for its duration, and a dot per backup for its size where the size is known.
 */
public record BackupChart(int width, int height, List<Bar> bars, String maxDuration, String maxSize) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    static final int LIMIT = 30;

    /** One backup: duration bar geometry, size dot height (negative when unknown) and a tooltip. */
    public record Bar(int x, int y, int barWidth, int barHeight, int sizeY, boolean hasSize, String title, String css) {
    }

    /** One backup as the chart needs it, oldest first. */
    record Point(long seconds, long bytes, String label, String css) {
    }

    static BackupChart of(List<Point> points) {
        List<Point> last = points.size() > LIMIT ? points.subList(points.size() - LIMIT, points.size()) : points;
        long maxSeconds = Math.max(1, last.stream().mapToLong(Point::seconds).max().orElse(1));
        long maxBytes = Math.max(1, last.stream().mapToLong(Point::bytes).max().orElse(1));
        int slot = WIDTH / LIMIT;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < last.size(); i++) {
            Point p = last.get(i);
            int h = (int) Math.max(2, Math.round((double) p.seconds() / maxSeconds * (HEIGHT - 10)));
            int sizeY = HEIGHT - (int) Math.round((double) p.bytes() / maxBytes * (HEIGHT - 10));
            bars.add(new Bar(i * slot + 2, HEIGHT - h, slot - 4, h, sizeY, p.bytes() > 0, p.label(), p.css()));
        }
        return new BackupChart(WIDTH, HEIGHT, bars, Formats.human(java.time.Duration.ofSeconds(maxSeconds)),
                last.stream().anyMatch(p -> p.bytes() > 0) ? Formats.bytes(maxBytes) : null);
    }

    public boolean empty() {
        return bars.isEmpty();
    }
}
