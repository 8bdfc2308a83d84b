package io.atrest.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations users type for timeouts and waits: "500ms", "20s", "30m", "2h". */
final class DurationText {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m|h)");

    private DurationText() {}

    static Duration parse(String option, String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new UserError(option + ": '" + text + "' is not a duration like 500ms, 20s, 30m or 2h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
