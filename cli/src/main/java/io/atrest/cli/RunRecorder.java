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
import io.atrest.scanner.inventory.CollectionError;
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
    private java.util.function.BooleanSupplier stop = () -> false;
    private java.util.function.Supplier<String> stopCause = () -> "stopped";

    /** Thrown out of {@code complete} when the run was stopped between two accounts: it is closed ABANDONED. */
    static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message, null, false, false);
        }
    }

    RunRecorder(HistoryStore store, CheckCatalog catalog, ClassificationPolicy policy, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Checks {@code stopped} before each account is stored: once it is true, the accounts stored
     * so far stay and the run is closed ABANDONED with {@code cause}, asked then (a signal that
     * arrives while accounts are stored is named by it).
     */
    RunRecorder stopWhen(java.util.function.BooleanSupplier stopped, java.util.function.Supplier<String> cause) {
        this.stop = stopped;
        this.stopCause = cause;
        return this;
    }

    /** Evaluates and stores an inventory as one run; returns the run's id. */
    long record(String trigger, Instant startedAt, Inventory inventory, List<AccountScan> scans) {
        long runId = begin(trigger, startedAt);
        complete(runId, inventory, scans, null);
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
        complete(runId, inventory, scans, null);
    }

    /** @param note why the run's accounts are not a fresh walk of the organization, or null */
    void complete(long runId, Inventory inventory, List<AccountScan> scans, String note) {
        complete(runId, inventory.organization(), inventory.accounts().size(), inventory.errors(), inventory.resourceCount(),
                note, () -> storeAccounts(runId, inventory, scans));
    }

    /** The same, for an inventory held account by account: each is read back, evaluated, stored and dropped in turn. */
    void complete(long runId, AccountSlices slices, List<AccountScan> scans) {
        complete(runId, slices, scans, null);
    }

    void complete(long runId, AccountSlices slices, List<AccountScan> scans, String note) {
        complete(runId, slices.organization(), slices.accounts().size(), slices.lookups().errors(), slices.resourceCount(),
                note, () -> storeAccounts(runId, slices, scans));
    }

    private void complete(long runId, io.atrest.scanner.inventory.Organization organization, int accounts,
                          List<CollectionError> allErrors, int resources, String note,
                          java.util.function.Supplier<Stored> storeAccounts) {
        store.planRun(runId, organization == null ? null : organization.id(), accounts);
        int errors = allErrors.size();
        try {
            // The organization's own failed calls (its walk, its SCPs); each account's go with the account.
            store.runErrors().record(runId, allErrors.stream().filter(e -> e.accountId() == null).toList());
            Stored stored = storeAccounts.get();
            RunStatus status = accounts == 0 || stored.failed() == accounts
                    ? RunStatus.FAILED
                    : stored.failed() + stored.partial() > 0 || errors > 0 ? RunStatus.PARTIAL : RunStatus.COMPLETE;
            String counts = stored.failed() + " account(s) failed, " + stored.partial() + " partial, " + errors + " API call(s) failed";
            String message = status == RunStatus.COMPLETE ? null : note == null ? counts : note + "; " + counts;
            store.finishRun(runId, status, clock.instant(), new RunTotals(accounts - stored.failed(),
                    stored.failed(), resources, errors, stored.score().score(), stored.score().coverage(), message));
        } catch (Stopped e) {
            store.finishRun(runId, RunStatus.ABANDONED, clock.instant(), new RunTotals(0, 0, 0, errors, null, null, e.getMessage()));
            throw e;
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
        Map<String, List<CollectionError>> errorsByAccount = byAccount(inventory.errors());
        Tally tally = new Tally();
        for (Account account : inventory.accounts()) {
            stopIfAsked(tally, inventory.accounts().size());
            tally.add(storeAccount(runId, account, scanById, byAccount.getOrDefault(account.id(), List.of()), attributes,
                    ListingGaps.of(inventory, account.id())));
            store.runErrors().record(runId, errorsByAccount.getOrDefault(account.id(), List.of()));
        }
        return tally.stored();
    }

    /**
     * Stores an organization held account by account: each account's slice is read back and
     * evaluated against the organization's context (keys, key usage and accounts of the whole
     * scan), stored in its own transaction, and let go before the next.
     */
    Stored storeAccounts(long runId, AccountSlices slices, List<AccountScan> scans) {
        return storeAccounts(runId, slices, scans, java.util.Set.of());
    }

    /**
     * The same, leaving out the accounts in {@code stored} (a clustered run's keeper that died
     * half-way stored them): they are still part of the organization every account is judged in.
     */
    Stored storeAccounts(long runId, AccountSlices slices, List<AccountScan> scans, java.util.Set<String> stored) {
        OrganizationContext context = OrganizationContext.of(slices.lookups(), slices.stores(), policy);
        Evaluator evaluator = new Evaluator(catalog, policy);
        Map<String, AccountScan> scanById = scans.stream()
                .collect(Collectors.toMap(AccountScan::accountId, Function.identity()));
        Instant now = clock.instant();
        Map<String, List<CollectionError>> errorsByAccount = byAccount(slices.lookups().errors());
        Tally tally = new Tally();
        for (Account account : slices.accounts()) {
            if (stored.contains(account.id())) {
                continue;
            }
            stopIfAsked(tally, slices.accounts().size());
            Inventory slice = slices.slice(account.id());
            Evaluation evaluation = new Evaluation(slice, context, now);
            List<Finding> own = evaluator.evaluate(evaluation).stream()
                    .filter(f -> account.id().equals(f.resource().accountId()))
                    .toList();
            tally.add(storeAccount(runId, account, scanById, own, ResourceAttributes.of(evaluation),
                    ListingGaps.of(slice, account.id())));
            store.runErrors().record(runId, errorsByAccount.getOrDefault(account.id(), List.of()));
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

    private void stopIfAsked(Tally tally, int accounts) {
        if (stop.getAsBoolean()) {
            throw new Stopped(stopCause.get() + " after " + tally.accounts + " of " + accounts
                    + " account(s) stored; those stay, the run is out of every trend");
        }
    }

    /** Each account's failed calls; those of no account (the organization's own) are stored when the run completes. */
    private static Map<String, List<CollectionError>> byAccount(List<CollectionError> errors) {
        return errors.stream().filter(e -> e.accountId() != null).collect(Collectors.groupingBy(CollectionError::accountId));
    }

    private record StoredAccount(AccountScanStatus status, List<Finding> findings) {}

    /** The run's totals, added up account by account. */
    private final class Tally {
        private final Score.Tally score = new Score.Tally(policy.weights());
        private int failed;
        private int partial;
        private int accounts;

        void add(StoredAccount account) {
            accounts++;
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
