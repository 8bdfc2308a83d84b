package io.atrest.report.management;

import io.atrest.report.Figures;
import io.atrest.report.management.ManagementReport.LevelRow;
import io.atrest.report.management.ManagementReport.TrendRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The change a chart shows, said in words beside it: charts fit their axis to the data, so a
 * reader needs the first and last value to know whether a slope is two points or twenty.
 */
final class TrendText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TrendText() {}

    /** "Score 71.0 on Nov 3, 73.0 now: +2.0 points over 30 days. Coverage 95% to 97%." */
    static String score(List<TrendRow> trend, Duration window) {
        List<TrendRow> scored = trend.stream().filter(t -> t.score() != null).toList();
        if (scored.isEmpty()) {
            return "No stored scan in the window has a score yet.";
        }
        TrendRow last = scored.get(scored.size() - 1);
        if (scored.size() == 1) {
            return "One scan so far (" + DAY.format(last.startedAt()) + "): score " + Figures.score(last.score())
                    + ", coverage " + coverage(last) + ". The trend begins with the next scan.";
        }
        TrendRow first = scored.get(0);
        if (sameDay(first.startedAt(), last.startedAt())) {
            return scored.size() + " scans on " + DAY.format(last.startedAt()) + ": score " + Figures.score(first.score()) + " to "
                    + Figures.score(last.score()) + " (" + Figures.delta(last.score() - first.score()) + " points). Coverage "
                    + coverage(first) + " to " + coverage(last) + ".";
        }
        long days = Math.max(1, Duration.between(first.startedAt(), last.startedAt()).toDays());
        return "Score " + Figures.score(first.score()) + " on " + DAY.format(first.startedAt()) + ", " + Figures.score(last.score())
                + " now: " + Figures.delta(last.score() - first.score()) + " points over " + days + (days == 1 ? " day" : " days")
                + " (" + scored.size() + " scans). Coverage " + coverage(first) + " to " + coverage(last) + ".";
    }

    /** "restricted 50% to 75% (+25 pts); confidential 100% throughout." */
    static String levels(List<LevelRow> rows) {
        Map<String, List<LevelRow>> byLevel = new LinkedHashMap<>();
        rows.stream().filter(r -> r.sharePercent() != null)
                .forEach(r -> byLevel.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(r));
        if (byLevel.isEmpty()) {
            return "No classified store was evaluated against its key type in the window.";
        }
        List<String> parts = new ArrayList<>();
        byLevel.forEach((level, points) -> {
            double first = points.get(0).sharePercent();
            double last = points.get(points.size() - 1).sharePercent();
            if (points.size() == 1) {
                parts.add(level + " " + whole(last) + " (one scan)");
            } else if (Math.abs(last - first) < 0.05) {
                parts.add(level + " " + whole(last) + " throughout");
            } else {
                parts.add(level + " " + whole(first) + " to " + whole(last) + " (" + Figures.delta(last - first) + " pts)");
            }
        });
        return "On the demanded key type: " + String.join("; ", parts) + ".";
    }

    private static String coverage(TrendRow row) {
        return row.coveragePercent() == null ? Figures.NONE : whole(row.coveragePercent());
    }

    private static String whole(double percent) {
        return String.format(Locale.ROOT, "%.0f%%", percent);
    }

    private static boolean sameDay(Instant a, Instant b) {
        return a.atZone(ZoneOffset.UTC).toLocalDate().equals(b.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
