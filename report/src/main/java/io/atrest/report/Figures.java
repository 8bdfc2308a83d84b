package io.atrest.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How reports print numbers and dates: one decimal, signed deltas, a dash for "no value". */
public final class Figures {
    public static final String NONE = "\u2014";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Figures() {}

    /** A score (0..100) with one decimal. */
    public static String score(Double score) {
        return score == null ? NONE : String.format(Locale.ROOT, "%.1f", score);
    }

    /** A share (0..1) as a percentage. */
    public static String percent(Double share) {
        return share == null ? NONE : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A change of score in points, always signed: "+2.5", "\u22121.0", "0.0". */
    public static String delta(Double delta) {
        if (delta == null) {
            return NONE;
        }
        double rounded = Math.round(delta * 10) / 10.0;
        if (rounded == 0) {
            return "0.0";
        }
        return (rounded > 0 ? "+" : "\u2212") + String.format(Locale.ROOT, "%.1f", Math.abs(rounded));
    }

    public static String days(double days) {
        return String.format(Locale.ROOT, "%.1f", days);
    }

    public static String day(Instant instant) {
        return instant == null ? NONE : DAY.format(instant);
    }

    public static String minute(Instant instant) {
        return instant == null ? NONE : MINUTE.format(instant);
    }
}
