package io.atrest.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the ages users type: "90d", "12h", "2w", "400d". */
final class Age {
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([hdw])");

    private Age() {}

    static Duration parse(String option, String text) {
        Matcher m = AGE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new UserError(option + ": '" + text + "' is not an age like 90d, 12h or 2w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
