package io.atrest.report.export;

import io.atrest.scanner.policy.Severity;
import java.util.Set;

/**
 * Which findings an export or a publish takes: by status group (fail, pass, not-evaluated,
 * suppressed, not-applicable), severity at or above a threshold, account and check.
 *
 * @param statuses the status groups taken ({@link FindingStatus#group()})
 * @param atLeast the lowest severity taken, or null for all
 * @param accountId one account, or null
 * @param checkId one check, or null
 */
public record ExportFilter(Set<String> statuses, Severity atLeast, String accountId, String checkId) {
    /** Every status group a filter may name. */
    public static final Set<String> GROUPS = Set.of("fail", "pass", "not-evaluated", "suppressed", "not-applicable");

    /** What exports take unless told otherwise: everything but checks that do not apply (a third of a run, and noise downstream). */
    public static final Set<String> DEFAULT_STATUSES = Set.of("fail", "pass", "not-evaluated", "suppressed");

    public ExportFilter {
        statuses = Set.copyOf(statuses);
        for (String s : statuses) {
            if (!GROUPS.contains(s)) {
                throw new IllegalArgumentException("unknown status '" + s + "' (fail, pass, not-evaluated, suppressed, not-applicable)");
            }
        }
    }

    public static ExportFilter all() {
        return new ExportFilter(GROUPS, null, null, null);
    }

    public static ExportFilter defaults() {
        return new ExportFilter(DEFAULT_STATUSES, null, null, null);
    }

    public boolean test(ExportedFinding f) {
        return statuses.contains(f.status().group())
                && (atLeast == null || Severity.valueOf(f.finding().severity()).atLeast(atLeast))
                && (accountId == null || accountId.equals(f.finding().accountId()))
                && (checkId == null || checkId.equals(f.finding().checkId()));
    }
}
