package io.atrest.scanner.org;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.aws.AwsErrors;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.KmsCollector;
import io.atrest.scanner.collect.S3Collector;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.Inventory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Scans an organization: walks it, enters each selected account, and runs the collectors
 * there, several accounts at once. A failing account is recorded and the scan goes on.
 */
public final class OrganizationScanner {
    private static final Logger LOG = LoggerFactory.getLogger(OrganizationScanner.class);

    private final OrganizationsClient organizations;
    private final String callerAccountId;
    private final AccountAccess access;
    private final String homeRegion;
    private final ScanOptions options;

    public OrganizationScanner(OrganizationsClient organizations, String callerAccountId, AccountAccess access,
                               String homeRegion, ScanOptions options) {
        this.organizations = organizations;
        this.callerAccountId = callerAccountId;
        this.access = access;
        this.homeRegion = homeRegion;
        this.options = options;
    }

    /**
     * @throws UnknownAccountException when {@code --accounts} names an account the organization lacks
     */
    public ScanResult scan(Clock clock) {
        InventoryBuilder sink = new InventoryBuilder();
        OrganizationView view = new OrganizationWalker(organizations, sink).walk(callerAccountId);
        List<Account> selected = select(view.accounts());
        LOG.info("scanning {} account(s) of {}", selected.size(),
                view.organization().isStandalone() ? "a standalone account" : view.organization().id());

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(), Math.max(1, selected.size())));
        try {
            List<Future<AccountScan>> futures = new ArrayList<>();
            for (Account account : selected) {
                sink.account(account);
                futures.add(pool.submit(() -> scanAccount(account, sink)));
            }
            List<AccountScan> scans = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                scans.add(await(futures.get(i), selected.get(i).id()));
            }
            Inventory inventory = sink.build(clock.instant(), view.organization());
            return new ScanResult(inventory, scans.stream().map(scan -> settle(scan, inventory)).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Account> select(List<Account> all) {
        Set<String> known = new HashSet<>();
        all.forEach(a -> known.add(a.id()));
        Set<String> unknown = new LinkedHashSet<>(options.accounts());
        unknown.addAll(options.excludeAccounts());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new UnknownAccountException(unknown);
        }
        return all.stream()
                .filter(a -> options.accounts().isEmpty() || options.accounts().contains(a.id()))
                .filter(a -> !options.excludeAccounts().contains(a.id()))
                .toList();
    }

    private AccountScan await(Future<AccountScan> future, String accountId) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AccountScan(accountId, AccountScanStatus.FAILED, List.of(), 0, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime && !(cause instanceof SdkException)) {
                throw runtime; // a bug or a read-only violation: never hide it as an account failure
            }
            return new AccountScan(accountId, AccountScanStatus.FAILED, List.of(), 0, String.valueOf(cause));
        }
    }

    /** Collects one account; its status is settled later from the errors the inventory holds for it. */
    private AccountScan scanAccount(Account account, InventoryBuilder sink) {
        String accountId = account.id();
        AccountClients clients;
        try {
            clients = access.open(accountId);
        } catch (AccountAccessException e) {
            sink.error(e.error());
            LOG.warn("account {}: {}", accountId, e.getMessage());
            return new AccountScan(accountId, AccountScanStatus.FAILED, List.of(), 1, e.getMessage());
        }
        try (clients) {
            List<String> regions = regions(accountId, clients, sink);
            regions.forEach(region -> sink.scope(new AccountRegion(accountId, region)));
            new S3Collector(accountId, clients, homeRegion, Set.copyOf(regions), sink).collect();
            for (String region : regions) {
                new KmsCollector(accountId, region, clients.kms(region), sink).collect();
            }
            return new AccountScan(accountId, AccountScanStatus.COMPLETE, regions, 0, null);
        }
    }

    private static AccountScan settle(AccountScan scan, Inventory inventory) {
        if (scan.status() == AccountScanStatus.FAILED) {
            return scan;
        }
        int errors = (int) inventory.errors().stream().filter(e -> scan.accountId().equals(e.accountId())).count();
        LOG.info("account {}: {} region(s), {} failed call(s)", scan.accountId(), scan.regions().size(), errors);
        return errors == 0
                ? scan
                : new AccountScan(scan.accountId(), AccountScanStatus.PARTIAL, scan.regions(), errors, errors + " call(s) failed");
    }

    /** The explicit list, else the regions enabled in the account, else the home region with the error recorded. */
    private List<String> regions(String accountId, AccountClients clients, InventoryBuilder sink) {
        if (!options.regions().isEmpty()) {
            return options.regions();
        }
        try {
            return clients.ec2(homeRegion).describeRegions(r -> r.allRegions(false)).regions().stream()
                    .map(r -> r.regionName())
                    .sorted()
                    .toList();
        } catch (SdkException e) {
            sink.error(AwsErrors.toError(e, accountId, homeRegion, "ec2", "DescribeRegions", null));
            return List.of(homeRegion);
        }
    }
}
