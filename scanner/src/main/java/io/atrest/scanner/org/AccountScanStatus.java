package io.atrest.scanner.org;

/** How the scan of one account ended. */
public enum AccountScanStatus {
    /** Everything was read. */
    COMPLETE,
    /** Some calls failed; what they would have shown is NOT_EVALUATED. */
    PARTIAL,
    /** The account could not be entered or read at all. */
    FAILED
}
