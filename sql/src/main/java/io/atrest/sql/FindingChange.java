package io.atrest.sql;

/**
 * How one finding changed between two runs.
 *
 * @param before the outcome in the earlier run, or null when it had no such finding
 * @param after the outcome in the later run, or null when it has none (the resource is gone)
 */
public record FindingChange(Kind kind, String checkId, String severity, String resourceArn, String resourceType,
                            String accountId, String region, String classification, String before, String after,
                            String message) {

    /**
     * NEW: failing, never failed before. REGRESSED: failing again after a fix (or once its exemption
     * expired). RESOLVED: no longer failing. ACCEPTED: still failing, now under an exemption.
     */
    public enum Kind { NEW, REGRESSED, RESOLVED, ACCEPTED }
}
