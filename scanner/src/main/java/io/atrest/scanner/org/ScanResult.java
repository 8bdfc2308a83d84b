package io.atrest.scanner.org;

import io.atrest.scanner.inventory.Inventory;
import java.util.List;

/**
 * The inventory a scan collected and how each account's part of it ended. For a scan that
 * handed each account to {@link io.atrest.scanner.inventory.AccountSlices}, the inventory holds
 * only what belongs to no account (the organization, its accounts and policies).
 */
public record ScanResult(Inventory inventory, List<AccountScan> accounts) {

    public ScanResult {
        accounts = List.copyOf(accounts);
    }
}
