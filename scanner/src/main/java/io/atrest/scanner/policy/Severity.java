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

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown severity '" + text + "' (expected one of critical, high, medium, low, info)");
        }
    }
}
