package io.atrest.scanner.org;

import java.util.List;
import java.util.Set;

/**
 * Which part of the organization to scan.
 *
 * @param accounts only these account ids; empty for all
 * @param excludeAccounts never these
 * @param regions these regions; empty for every region enabled in each account
 * @param concurrency accounts scanned at once
 */
public record ScanOptions(Set<String> accounts, Set<String> excludeAccounts, List<String> regions, int concurrency) {

    public ScanOptions {
        accounts = Set.copyOf(accounts);
        excludeAccounts = Set.copyOf(excludeAccounts);
        regions = List.copyOf(regions);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }
}
