package io.atrest.report.export;

/**
 * Where a finding stands in its life, as a security team triages it: what every export says
 * instead of "new" for everything. Worked out against the stored run before the exported one.
 */
public enum FindingStatus {
    /** Failing, and its failing streak began in this run. */
    NEW,
    /** Failing, as it already was before this run. */
    IN_PROGRESS,
    /** Failing, but an exemption of the policy accepts it until its date. */
    SUPPRESSED,
    /** Passing now, failing in the previous run, or its resource deleted since: fixed in this run. */
    RESOLVED,
    /** Passing, and not fixed in this run: nothing to do. */
    PASSING,
    /** Could not be judged: a call failed (its reason and operation say which). */
    NOT_EVALUATED,
    /** The check does not apply to the resource. */
    NOT_APPLICABLE;

    /** The --status group a user filters on: fail, pass, not-evaluated, suppressed, not-applicable. */
    public String group() {
        return switch (this) {
            case NEW, IN_PROGRESS -> "fail";
            case RESOLVED, PASSING -> "pass";
            case SUPPRESSED -> "suppressed";
            case NOT_EVALUATED -> "not-evaluated";
            case NOT_APPLICABLE -> "not-applicable";
        };
    }
}
