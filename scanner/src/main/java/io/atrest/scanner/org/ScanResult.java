package io.atrest.scanner.org;

import io.atrest.scanner.inventory.Inventory;
import java.util.List;

/** The inventory a scan collected and how each account's part of it ended. */
public record ScanResult(Inventory inventory, List<AccountScan> accounts) {

    public ScanResult {
        accounts = List.copyOf(accounts);
    }
}
