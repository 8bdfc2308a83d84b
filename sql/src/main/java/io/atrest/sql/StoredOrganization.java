package io.atrest.sql;

import io.atrest.scanner.inventory.Account;
import java.util.List;

/** The organization as a stored run saw it: the run, and its accounts with their OUs and tags as then. */
public record StoredOrganization(ScanRun run, List<Account> accounts) {

    public StoredOrganization {
        accounts = List.copyOf(accounts);
    }
}
