package io.atrest.cli;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Evaluator;
import io.atrest.scanner.check.OrganizationContext;
import io.atrest.scanner.check.ResourceAttributes;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountSlices;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.ListingGaps;
import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.sql.AccountResult;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStart;
import io.atrest.sql.RunStatus;
import io.atrest.sql.RunTotals;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The last steps of every run, shared by scan and demo: evaluate the inventory, store each
 * account in its own transaction, and close the run with its status.
 */
final class RunRecorder {
    private final HistoryStore store;
    private final CheckCatalog catalog;
    private final ClassificationPolicy policy;
    private final Clock clock;

    RunRecorder(HistoryStore store, CheckCatalog catalog, ClassificationPolicy policy, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.policy = policy;
        this.clock = clock;
    }

    /** Evaluates and stores an inventory as one run; returns the run's id. */
    long record(String trigger, Instant startedAt, Inventory inventory, List<AccountScan> scans) {
        long runId = begin(trigger, startedAt);
        complete(runId, inventory, scans);
        return runId;
    }

    /** Opens a RUNNING run (taking the database's writer lock) before the scan starts. */
    long begin(String trigger, Instant startedAt) {
        return store.startRun(new RunStart(trigger, startedAt, VersionProvider.version(), policyHash(policy), null, 0));
    }

    /** Forgets a run refused for bad input: bad input writes nothing. */
    void discard(long runId) {
        store.discardRun(runId);
    }

    /** Closes a run that was stopped before its end: ABANDONED, with why, and out of every trend. */
    void abandon(long runId, String reason) {
        store.finishRun(runId, RunStatus.ABANDONED, clock.instant(), new RunTotals(0, 0, 0, 0, null, null, reason));
    }

    /** Closes a run that could not scan at all. */
    void fail(long runId, String message) {
        store.finishRun(runId, RunStatus.FAILED, clock.instant(), new RunTotals(0, 0, 0, 0, null, null, message));
    }

    /** Evaluates the inventory, stores each account in its own transaction, and closes the run. */
    void complete(long runId, Inventory inventory, List<AccountScan> scans) {
        complete(runId, inventory.organization(), inventory.accounts().size(), inventory.errors().size(), inventory.resourceCount(),
                () -> storeAccounts(runId, inventory, scans));
    }

    /** The same, for an inventory held account by account: each is read back, evaluated, stored and dropped in turn. */
    void complete(long runId, AccountSlices slices, List<AccountScan> scans) {
        complete(runId, slices.organization(), slices.accounts().size(), slices.errorCount(), slices.resourceCount(),
                () -> storeAccounts(runId, slices, scans));
    }

    private void complete(long runId, io.atrest.scanner.inventory.Organization organization, int accounts, int errors,
                          int resources, java.util.function.Supplier<Stored> storeAccounts) {
        store.planRun(runId, organization == null ? null : organization.id(), accounts);
        try {
            Stored stored = storeAccounts.get();
            RunStatus status = accounts == 0 || stored.failed() == accounts
                    ? RunStatus.FAILED
                    : stored.failed() + stored.partial() > 0 || errors > 0 ? RunStatus.PARTIAL : RunStatus.COMPLETE;
            String message = status == RunStatus.COMPLETE ? null
                    : stored.failed() + " account(s) failed, " + stored.partial() + " partial, " + errors + " API call(s) failed";
            store.finishRun(runId, status, clock.instant(), new RunTotals(accounts - stored.failed(),
                    stored.failed(), resources, errors, stored.score().score(), stored.score().coverage(), message));
        } catch (RuntimeException e) {
            // Accounts already stored stay whole; the run says it did not finish.
            try {
                store.finishRun(runId, RunStatus.FAILED, clock.instant(),
                        new RunTotals(0, 0, 0, errors, null, null, "failed while storing: " + e.getMessage()));
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** How many accounts ended FAILED or PARTIAL, and the score of everything evaluated. */
    record Stored(int failed, int partial, Score score) {}

    /**
     * Evaluates the inventory and stores each of its accounts into run {@code runId}, each in its
     * own transaction, without closing the run: a clustered run's account jobs do this.
     */
    Stored storeAccounts(long runId, Inventory inventory, List<AccountScan> scans) {
        // One evaluation (key index, key graph) serves the checks and the resource attributes.
        Evaluation evaluation = new Evaluation(inventory, policy, clock.instant());
        List<Finding> findings = new Evaluator(catalog, policy).evaluate(evaluation);
        Map<String, Map<String, String>> attributes = ResourceAttributes.of(evaluation);
        Map<String, List<Finding>> byAccount = findings.stream()
                .collect(Collectors.groupingBy(f -> f.resource().accountId()));
        Map<String, AccountScan> scanById = scans.stream()
                .collect(Collectors.toMap(AccountScan::accountId, Function.identity()));
        Tally tally = new Tally();
        for (Account account : inventory.accounts()) {
            tally.add(storeAccount(runId, account, scanById, byAccount.getOrDefault(account.id(), List.of()), attributes,
                    ListingGaps.of(inventory, account.id())));
        }
        return tally.stored();
    }

    /**
     * Stores an organization held account by account: each account's slice is read back and
     * evaluated against the organization's context (keys, key usage and accounts of the whole
     * scan), stored in its own transaction, and let go before the next.
     */
    Stored storeAccounts(long runId, AccountSlices slices, List<AccountScan> scans) {
        OrganizationContext context = OrganizationContext.of(slices.lookups(), slices.stores(), policy);
        Evaluator evaluator = new Evaluator(catalog, policy);
        Map<String, AccountScan> scanById = scans.stream()
                .collect(Collectors.toMap(AccountScan::accountId, Function.identity()));
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (Account account : slices.accounts()) {
            Inventory slice = slices.slice(account.id());
            Evaluation evaluation = new Evaluation(slice, context, now);
            List<Finding> own = evaluator.evaluate(evaluation).stream()
                    .filter(f -> account.id().equals(f.resource().accountId()))
                    .toList();
            tally.add(storeAccount(runId, account, scanById, own, ResourceAttributes.of(evaluation),
                    ListingGaps.of(slice, account.id())));
        }
        return tally.stored();
    }

    /** Stores one account's findings; returns them with how the account's scan ended, for the run's totals. */
    private StoredAccount storeAccount(long runId, Account account, Map<String, AccountScan> scanById, List<Finding> own,
                                       Map<String, Map<String, String>> attributes, java.util.Set<String> listingGaps) {
        AccountScan scan = scanById.getOrDefault(account.id(),
                new AccountScan(account.id(), AccountScanStatus.COMPLETE, List.of(), 0, null));
        Map<String, Map<String, String>> ownAttributes = new java.util.HashMap<>();
        own.forEach(f -> {
            Map<String, String> a = attributes.get(f.resource().arn());
            if (a != null) {
                ownAttributes.put(f.resource().arn(), a);
            }
        });
        store.recordAccount(runId, new AccountResult(account, scan.status().name(), scan.regions(),
                scan.errors(), scan.message(), listingGaps, ownAttributes), own, Score.of(own, policy.weights()));
        return new StoredAccount(scan.status(), own);
    }

    private record StoredAccount(AccountScanStatus status, List<Finding> findings) {}

    /** The run's totals, added up account by account. */
    private final class Tally {
        private final Score.Tally score = new Score.Tally(policy.weights());
        private int failed;
        private int partial;

        void add(StoredAccount account) {
            score.add(account.findings());
            if (account.status() == AccountScanStatus.FAILED) failed++;
            if (account.status() == AccountScanStatus.PARTIAL) partial++;
        }

        Stored stored() {
            return new Stored(failed, partial, score.score());
        }
    }

    /**
     * How each account of a saved inventory ended, rebuilt from its scope and errors: for
     * inventories evaluated without a live scan (the demo, --from-inventory).
     */
    static List<AccountScan> scansOf(Inventory inventory) {
        return inventory.accounts().stream().map(a -> {
            List<String> regions = inventory.scope().stream()
                    .filter(s -> s.accountId().equals(a.id())).map(io.atrest.scanner.inventory.AccountRegion::region).toList();
            int errors = (int) inventory.errors().stream().filter(e -> a.id().equals(e.accountId())).count();
            boolean entered = inventory.errors().stream().noneMatch(e -> a.id().equals(e.accountId())
                    && "sts".equals(e.service()) && "AssumeRole".equals(e.operation()));
            AccountScanStatus status = !entered ? AccountScanStatus.FAILED
                    : errors == 0 ? AccountScanStatus.COMPLETE : AccountScanStatus.PARTIAL;
            return new AccountScan(a.id(), status, regions, errors, errors == 0 ? null : errors + " call(s) failed");
        }).toList();
    }

    /** Identifies the policy the findings were judged against, so runs under different policies are told apart. */
    static String policyHash(ClassificationPolicy policy) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(policy.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
