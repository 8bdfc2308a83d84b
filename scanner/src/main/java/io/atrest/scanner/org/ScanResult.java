package io.atrest.scanner.org;

import java.util.List;

/**
 * How each account's part of a scan ended (the inventory itself went to the scan's sink).
 *
 * @param walkNote why the accounts are not a fresh walk of the organization (it could not be
 *     read, and the last stored run's accounts were scanned), or null
 */
public record ScanResult(List<AccountScan> accounts, String walkNote) {

    public ScanResult {
        accounts = List.copyOf(accounts);
    }
}
