package io.atrest.scanner.org;

/** Hears how a scan advances, for progress bars and logs. Called from many threads. */
public interface ScanListener {

    ScanListener NONE = new ScanListener() { };

    /** The organization was walked: {@code accounts} of it will be scanned. */
    default void planned(io.atrest.scanner.inventory.Organization organization, int accounts) { }

    /** One collection task (a region's service) of an account ended: {@code done} of its {@code total}. */
    default void taskDone(String accountId, int done, int total) { }

    /** One account is finished; {@code errors} counts all failed calls so far. */
    default void accountDone(AccountScan scan, int errors) { }
}
