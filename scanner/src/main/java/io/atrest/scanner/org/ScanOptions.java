package io.atrest.scanner.org;

import java.util.List;
import java.util.Set;

/**
 * Which part of the organization to scan.
 *
 * @param accounts only these account ids; empty for all
 * @param excludeAccounts never these
 * @param regions these regions; empty for every region enabled in each account
 * @param concurrency collection tasks (one account's region and service) run at once
 * @param accountDeadline the longest one account may take; what is unfinished then is recorded as TIMEOUT
 * @param excludeRegions never these regions, whether listed or enabled
 */
public record ScanOptions(Set<String> accounts, Set<String> excludeAccounts, List<String> regions, int concurrency,
                          java.time.Duration accountDeadline, Set<String> excludeRegions) {

    public static final java.time.Duration DEFAULT_ACCOUNT_DEADLINE = java.time.Duration.ofMinutes(30);

    public ScanOptions(Set<String> accounts, Set<String> excludeAccounts, List<String> regions, int concurrency) {
        this(accounts, excludeAccounts, regions, concurrency, DEFAULT_ACCOUNT_DEADLINE);
    }

    public ScanOptions(Set<String> accounts, Set<String> excludeAccounts, List<String> regions, int concurrency,
                       java.time.Duration accountDeadline) {
        this(accounts, excludeAccounts, regions, concurrency, accountDeadline, Set.of());
    }

    public ScanOptions {
        accounts = Set.copyOf(accounts);
        excludeAccounts = Set.copyOf(excludeAccounts);
        regions = List.copyOf(regions);
        excludeRegions = Set.copyOf(excludeRegions);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }
}
