package io.atrest.pipeline;

import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.scanner.org.ScanResult;

/**
 * How a run ended: the stored run, how each account's collection ended, and whether it was
 * stopped (then it is closed ABANDONED).
 */
public record RunOutcome(long runId, ScanResult result, boolean stopped) {

    /** True when no account could be entered at all. */
    public boolean nothingRead() {
        return result != null && result.accounts().stream().allMatch(a -> a.status() == AccountScanStatus.FAILED);
    }
}
