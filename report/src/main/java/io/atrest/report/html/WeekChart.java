package io.atrest.report.html;

import io.atrest.report.management.ManagementReport.WeekRow;
import java.util.List;

/** New and resolved findings per week as paired bars in inline SVG, each bar with its count on top. */
final class WeekChart {
    private static final int HEIGHT = 250;
    private static final int LEFT = 46;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 36;
    private static final String NEW = "#B03A2E";
    private static final String RESOLVED = "#1E8449";

    private WeekChart() {}

    static String svg(String id, int width, List<WeekRow> weeks) {
        if (weeks.isEmpty()) {
            return null;
        }
        long max = Math.max(1, weeks.stream().mapToLong(w -> Math.max(w.opened(), w.resolved())).max().orElse(1));
        long step = (long) TrendChart.niceStep(max / 4.0);
        long high = ((max + step - 1) / step) * step;
        long opened = weeks.stream().mapToLong(WeekRow::opened).sum();
        long resolved = weeks.stream().mapToLong(WeekRow::resolved).sum();
        Svg svg = new Svg().open(id, width, HEIGHT, "New and resolved findings per week",
                opened + " new and " + resolved + " resolved findings over " + weeks.size() + " weeks.");
        double plotHeight = HEIGHT - TOP - BOTTOM;
        for (long v = 0; v <= high; v += step) {
            double y = TOP + plotHeight - plotHeight * v / high;
            svg.line(LEFT, y, width - RIGHT, y, "grid").label(LEFT - 6, y + 4, "end", "tick", Long.toString(v));
        }
        double slot = (double) (width - LEFT - RIGHT) / weeks.size();
        double bar = Math.min(28, slot * 0.36);
        int labelEvery = (int) Math.max(1, Math.ceil(56 / slot));
        for (int i = 0; i < weeks.size(); i++) {
            WeekRow w = weeks.get(i);
            double centre = LEFT + slot * (i + 0.5);
            bar(svg, centre - bar - 1, bar, w.opened(), high, plotHeight, NEW, "Week of " + w.week() + ": " + w.opened() + " new");
            bar(svg, centre + 1, bar, w.resolved(), high, plotHeight, RESOLVED, "Week of " + w.week() + ": " + w.resolved() + " resolved");
            if (i % labelEvery == 0) {
                svg.label(centre, HEIGHT - BOTTOM + 17, "middle", "tick", w.week());
            }
        }
        svg.line(LEFT, TOP + plotHeight, width - RIGHT, TOP + plotHeight, "axis");
        svg.rect(LEFT, 8, 12, 10, NEW, "New").label(LEFT + 18, 18, "start", "legend-text", "New");
        svg.rect(LEFT + 70, 8, 12, 10, RESOLVED, "Resolved").label(LEFT + 88, 18, "start", "legend-text", "Resolved");
        return svg.close();
    }

    private static void bar(Svg svg, double x, double width, long value, long high, double plotHeight, String fill, String tooltip) {
        double h = plotHeight * value / high;
        double y = TOP + plotHeight - h;
        svg.rect(x, y, width, Math.max(h, 0.5), fill, tooltip);
        if (value > 0) {
            svg.label(x + width / 2, y - 3, "middle", "bar-value", Long.toString(value));
        }
    }
}
