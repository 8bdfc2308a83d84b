package io.atrest.scanner.org;

import io.atrest.scanner.inventory.Inventory;
import java.util.List;

/**
 * The inventory a scan collected and how each account's part of it ended. For a scan that
 * handed each account to {@link io.atrest.scanner.inventory.AccountSlices}, the inventory holds
 * only what belongs to no account (the organization, its accounts and policies).
 *
 * @param walkNote why the accounts are not a fresh walk of the organization (it could not be
 *     read, and the last stored run's accounts were scanned), or null
 */
public record ScanResult(Inventory inventory, List<AccountScan> accounts, String walkNote) {

    public ScanResult {
        accounts = List.copyOf(accounts);
    }
}
