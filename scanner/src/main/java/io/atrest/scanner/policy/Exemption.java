package io.atrest.scanner.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * An accepted risk: failures of {@code checks} (all, when empty) on resources matching the ARN
 * pattern or carrying the tag are reported as exempted until {@code expires}, then count again.
 *
 * @param arnPattern with '*' wildcards, or null
 * @param tagKey with {@code tagValue} (null: any value), or null
 */
public record Exemption(String arnPattern, String tagKey, String tagValue, List<String> checks, String reason,
                        LocalDate expires) {

    public Exemption {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public boolean expiredOn(LocalDate day) {
        return day.isAfter(expires);
    }

    public boolean covers(String checkId, String arn, java.util.Map<String, String> tags) {
        if (!checks.isEmpty() && !checks.contains(checkId)) {
            return false;
        }
        boolean arnMatches = arnPattern != null && arn.matches(java.util.regex.Pattern.quote(arnPattern).replace("*", "\\E.*\\Q"));
        boolean tagMatches = tagKey != null && tags != null && tags.entrySet().stream()
                .anyMatch(t -> t.getKey().equalsIgnoreCase(tagKey) && (tagValue == null || tagValue.equals(t.getValue())));
        return arnMatches || tagMatches;
    }

    public String describe() {
        return (arnPattern != null ? arnPattern : "tag " + tagKey + (tagValue == null ? "" : "=" + tagValue))
                + (checks.isEmpty() ? "" : " " + checks) + ": " + reason + " (until " + expires + ")";
    }
}
