package io.atrest.scanner.policy;

/** Finding severity, highest first. The default weights are those of the check catalog. */
public enum Severity {
    CRITICAL(10),
    HIGH(5),
    MEDIUM(3),
    LOW(1),
    INFO(0);

    private final int defaultWeight;

    Severity(int defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    /** True when this severity is the threshold or above it (CRITICAL is at or above HIGH). */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /** Sort order of a stored severity name, most severe first; names it does not know sort last. */
    public static int rankOf(String name) {
        for (Severity severity : values()) {
            if (severity.name().equals(name)) {
                return severity.ordinal();
            }
        }
        return values().length;
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown severity '" + text + "' (expected one of critical, high, medium, low, info)");
        }
    }
}
