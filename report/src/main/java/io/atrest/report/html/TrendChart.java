package io.atrest.report.html;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of values over time as inline SVG, made to be read in the first days as well as
 * after a year: every scan is a marker (one scan is a labelled point), the time axis ticks whole
 * days (one day is one tick), the value axis fits the data with a margin, and each line's latest
 * value is printed at its end. Series differ by colour and by dash, so they survive grey print.
 */
final class TrendChart {
    /** Wide for a screen, narrow for a phone: each is drawn for its width so its text stays at reading size. */
    static final int WIDE = 760;
    static final int NARROW = 380;
    private static final int HEIGHT = 280;
    private static final int LEFT = 46;
    private static final int RIGHT = 60;
    private static final int TOP = 34;
    private static final int BOTTOM = 36;
    private static final String[] COLOURS = {"#1F3A5F", "#D35400", "#1E8449", "#7D3C98", "#B03A2E", "#117A65"};
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    record Point(Instant at, double value) {}

    record Series(String name, List<Point> points) {}

    private TrendChart() {}

    /** The chart, or null when no series has a point (the template then says so in words). */
    static String svg(String id, int width, String title, String description, String unit, List<Series> series) {
        List<Series> drawn = series.stream().filter(s -> !s.points().isEmpty()).toList();
        if (drawn.isEmpty()) {
            return null;
        }
        double min = drawn.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::value).min().orElse(0);
        double max = drawn.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::value).max().orElse(100);
        double pad = Math.max(2.0, (max - min) * 0.15);
        double step = niceStep((max - min + 2 * pad) / 5);
        double low = Math.max(0, Math.floor((min - pad) / step) * step);
        // Scores and shares end at 100: an axis to 110 would promise values that cannot exist.
        double high = Math.min(Math.ceil((max + pad) / step) * step, Math.max(100, max));
        LocalDate firstDay = drawn.stream().flatMap(s -> s.points().stream()).map(p -> day(p.at())).min(LocalDate::compareTo).orElseThrow();
        LocalDate lastDay = drawn.stream().flatMap(s -> s.points().stream()).map(p -> day(p.at())).max(LocalDate::compareTo).orElseThrow();
        // The axis runs from the first scan's day to the day after the last, so one day of scans has room either side.
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofHours(12));
        Instant to = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(12));
        Frame frame = new Frame(from, to, low, high, width);

        Svg svg = new Svg().open(id, width, HEIGHT, title, description);
        for (double v = low; v <= high + 1e-9; v += step) {
            double y = frame.y(v);
            svg.line(LEFT, y, width - RIGHT, y, "grid").label(LEFT - 6, y + 4, "end", "tick", whole(v));
        }
        long days = Duration.between(firstDay.atStartOfDay(), lastDay.atStartOfDay()).toDays() + 1;
        int every = tickDays(days, width - LEFT - RIGHT);
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(every)) {
            double x = frame.x(d.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(12)));
            svg.line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4, "axis").label(x, HEIGHT - BOTTOM + 17, "middle", "tick", TICK.format(d));
        }
        svg.line(LEFT, HEIGHT - BOTTOM, width - RIGHT, HEIGHT - BOTTOM, "axis");
        double legendX = LEFT;
        int mostPoints = drawn.stream().mapToInt(s -> s.points().size()).max().orElse(1);
        double radius = Math.max(1.5, Math.min(4, (width - LEFT - RIGHT) / (mostPoints * 2.5)));
        for (int i = 0; i < drawn.size(); i++) {
            Series s = drawn.get(i);
            String colour = COLOURS[i % COLOURS.length];
            boolean dashed = i % 2 == 1;
            List<String> points = new ArrayList<>();
            for (Point p : s.points()) {
                points.add(Svg.n(frame.x(p.at())) + "," + Svg.n(frame.y(p.value())));
            }
            if (points.size() > 1) {
                svg.path(String.join(" ", points), colour, dashed);
            }
            for (Point p : s.points()) {
                svg.dot(frame.x(p.at()), frame.y(p.value()), radius, colour, s.name() + ", " + WHEN.format(p.at()) + " UTC: " + one(p.value()) + unit);
            }
            Point last = s.points().get(s.points().size() - 1);
            svg.label(frame.x(last.at()) + 8, frame.y(last.value()) + 4, "start", "value", one(last.value()) + unit);
            svg.path(Svg.n(legendX) + ",14 " + Svg.n(legendX + 24) + ",14", colour, dashed).label(legendX + 30, 18, "start", "legend-text", s.name());
            legendX += 44 + 8 * s.name().length();
        }
        return svg.close();
    }

    /** Whole days between date labels, so that labels about 60 units wide never overlap. */
    static int tickDays(long days, double plotWidth) {
        for (int every : new int[] {1, 2, 7, 14, 30, 61, 91}) {
            if (Math.ceil((double) days / every) * 60 <= plotWidth) {
                return every;
            }
        }
        return 182;
    }

    /** 1, 2, 2.5 or 5 times a power of ten: ticks people read without arithmetic. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= rough) {
                return Math.max(1, m * power);
            }
        }
        return 10 * power;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String whole(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private record Frame(Instant from, Instant to, double low, double high, int width) {
        double x(Instant at) {
            double share = (double) Duration.between(from, at).toMillis() / Duration.between(from, to).toMillis();
            return LEFT + share * (width - LEFT - RIGHT);
        }

        double y(double value) {
            return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM);
        }
    }
}
