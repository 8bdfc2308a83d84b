package io.atrest.pipeline;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Evaluator;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.OrganizationContext;
import io.atrest.scanner.check.ResourceAttributes;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.stores.ListingGaps;
import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.sink.InMemorySink;
import io.atrest.scanner.sink.InventorySink;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStart;
import io.atrest.sql.RunStatus;
import io.atrest.sql.RunTotals;
import io.atrest.sql.ingest.AccountResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The last steps of every run, shared by scan, demo and the clustered keeper: evaluate each
 * account of a sink against the organization's context, store it in its own transaction, and
 * close the run with its status.
 */
public final class RunRecorder {
    private final HistoryStore store;
    private final CheckCatalog catalog;
    private final ClassificationPolicy policy;
    private final Clock clock;
    private final String toolVersion;
    private Stop stop = Stop.NEVER;

    /** Thrown out of {@code complete} when the run was stopped between two accounts: it is closed ABANDONED. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message, null, false, false);
        }
    }

    public RunRecorder(HistoryStore store, CheckCatalog catalog, ClassificationPolicy policy, Clock clock, String toolVersion) {
        this.store = store;
        this.catalog = catalog;
        this.policy = policy;
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    /**
     * Asks {@code stop} before each account is stored: once it is asked, the accounts stored so
     * far stay and the run is closed ABANDONED with its cause, asked then (a signal that arrives
     * while accounts are stored is named by it).
     */
    public RunRecorder stopWhen(Stop stop) {
        this.stop = stop;
        return this;
    }

    /** Evaluates and stores a whole inventory (a saved one, the demo's) as one run; returns the run's id. */
    public long record(String trigger, Instant startedAt, Inventory inventory) {
        long runId = begin(trigger, startedAt);
        try (InMemorySink sink = InMemorySink.of(inventory)) {
            complete(runId, sink, scansOf(inventory), null);
        }
        return runId;
    }

    /** Opens a RUNNING run (taking the database's writer lock) before the scan starts. */
    public long begin(String trigger, Instant startedAt) {
        return store.runLog().startRun(new RunStart(trigger, startedAt, toolVersion, policyHash(policy), null, 0));
    }

    /** Forgets a run refused for bad input: bad input writes nothing. */
    public void discard(long runId) {
        store.runLog().discardRun(runId);
    }

    /** Closes a run that was stopped before its end: ABANDONED, with why, and out of every trend. */
    public void abandon(long runId, String reason) {
        store.runLog().finishRun(runId, RunStatus.ABANDONED, clock.instant(), new RunTotals(0, 0, 0, 0, null, null, reason));
    }

    /** Closes a run that could not scan at all. */
    public void fail(long runId, String message) {
        store.runLog().finishRun(runId, RunStatus.FAILED, clock.instant(), new RunTotals(0, 0, 0, 0, null, null, message));
    }

    /**
     * Evaluates each account of {@code collected}, stores each in its own transaction, and closes
     * the run.
     *
     * @param note why the run's accounts are not a fresh walk of the organization, or null
     */
    public void complete(long runId, InventorySink collected, List<AccountScan> scans, String note) {
        int accounts = collected.accounts().size();
        List<CollectionError> allErrors = collected.lookups().errors();
        store.runLog().planRun(runId, collected.organization() == null ? null : collected.organization().id(), accounts);
        int errors = allErrors.size();
        try {
            // The organization's own failed calls (its walk, its SCPs); each account's go with the account.
            store.runErrors().record(runId, allErrors.stream().filter(e -> e.accountId() == null).toList());
            Stored stored = storeAccounts(runId, collected, scans, Set.of());
            RunStatus status = accounts == 0 || stored.failed() == accounts
                    ? RunStatus.FAILED
                    : stored.failed() + stored.partial() > 0 || errors > 0 ? RunStatus.PARTIAL : RunStatus.COMPLETE;
            String counts = stored.failed() + " account(s) failed, " + stored.partial() + " partial, " + errors + " API call(s) failed";
            String message = status == RunStatus.COMPLETE ? null : note == null ? counts : note + "; " + counts;
            store.runLog().finishRun(runId, status, clock.instant(), new RunTotals(accounts - stored.failed(),
                    stored.failed(), collected.resourceCount(), errors, stored.score().score(), stored.score().coverage(), message));
        } catch (Stopped e) {
            store.runLog().finishRun(runId, RunStatus.ABANDONED, clock.instant(), new RunTotals(0, 0, 0, errors, null, null, e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            // Accounts already stored stay whole; the run says it did not finish.
            try {
                store.runLog().finishRun(runId, RunStatus.FAILED, clock.instant(),
                        new RunTotals(0, 0, 0, errors, null, null, "failed while storing: " + e.getMessage()));
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** How many accounts ended FAILED or PARTIAL, and the score of everything evaluated. */
    public record Stored(int failed, int partial, Score score) {}

    /**
     * Evaluates and stores each account of {@code collected} into run {@code runId}, each in its
     * own transaction, without closing the run: each account's slice is read back and evaluated
     * against the organization's context (keys, key usage and accounts of the whole scan), stored,
     * and let go before the next. Accounts in {@code stored} (a clustered run's keeper that died
     * half-way stored them) are left out, though still part of the organization every account is
     * judged in.
     */
    public Stored storeAccounts(long runId, InventorySink collected, List<AccountScan> scans, Set<String> stored) {
        OrganizationContext context = OrganizationContext.of(collected.lookups(), collected.stores(), policy);
        Evaluator evaluator = new Evaluator(catalog, policy);
        Map<String, AccountScan> scanById = scans.stream().collect(Collectors.toMap(AccountScan::accountId, Function.identity()));
        Instant now = clock.instant();
        Map<String, List<CollectionError>> errorsByAccount = collected.lookups().errors().stream()
                .filter(e -> e.accountId() != null).collect(Collectors.groupingBy(CollectionError::accountId));
        Tally tally = new Tally();
        for (Account account : collected.accounts()) {
            if (stored.contains(account.id())) {
                continue;
            }
            stopIfAsked(tally, collected.accounts().size());
            Inventory slice = collected.slice(account.id());
            Evaluation evaluation = new Evaluation(slice, context, now);
            List<Finding> own = evaluator.evaluate(evaluation).stream()
                    .filter(f -> account.id().equals(f.resource().accountId()))
                    .toList();
            tally.add(storeAccount(runId, account, scanById, own, ResourceAttributes.of(evaluation), ListingGaps.of(slice, account.id())));
            store.runErrors().record(runId, errorsByAccount.getOrDefault(account.id(), List.of()));
        }
        return tally.stored();
    }

    /** Stores one account's findings; returns them with how the account's scan ended, for the run's totals. */
    private StoredAccount storeAccount(long runId, Account account, Map<String, AccountScan> scanById, List<Finding> own,
                                       Map<String, Map<String, String>> attributes, Set<String> listingGaps) {
        AccountScan scan = scanById.getOrDefault(account.id(),
                new AccountScan(account.id(), AccountScanStatus.COMPLETE, List.of(), 0, null));
        Map<String, Map<String, String>> ownAttributes = new HashMap<>();
        own.forEach(f -> {
            Map<String, String> a = attributes.get(f.resource().arn());
            if (a != null) {
                ownAttributes.put(f.resource().arn(), a);
            }
        });
        store.ingest().recordAccount(runId, new AccountResult(account, scan.status(), scan.regions(),
                scan.errors(), scan.message(), listingGaps, ownAttributes), own, Score.of(own, policy.weights()));
        return new StoredAccount(scan.status(), own);
    }

    private void stopIfAsked(Tally tally, int accounts) {
        if (stop.getAsBoolean()) {
            throw new Stopped(stop.cause() + " after " + tally.accounts + " of " + accounts
                    + " account(s) stored; those stay, the run is out of every trend");
        }
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
            if (account.status() == AccountScanStatus.FAILED) {
                failed++;
            }
            if (account.status() == AccountScanStatus.PARTIAL) {
                partial++;
            }
        }

        Stored stored() {
            return new Stored(failed, partial, score.score());
        }
    }

    /**
     * How each account of a saved inventory ended, rebuilt from its scope and errors: for
     * inventories evaluated without a live scan (the demo, --from-inventory).
     */
    public static List<AccountScan> scansOf(Inventory inventory) {
        return inventory.accounts().stream().map(a -> {
            List<String> regions = inventory.scope().stream()
                    .filter(s -> s.accountId().equals(a.id())).map(AccountRegion::region).toList();
            int errors = (int) inventory.errors().stream().filter(e -> a.id().equals(e.accountId())).count();
            boolean entered = inventory.errors().stream().noneMatch(e -> a.id().equals(e.accountId())
                    && "sts".equals(e.service()) && "AssumeRole".equals(e.operation()));
            AccountScanStatus status = !entered ? AccountScanStatus.FAILED
                    : errors == 0 ? AccountScanStatus.COMPLETE : AccountScanStatus.PARTIAL;
            return new AccountScan(a.id(), status, regions, errors, errors == 0 ? null : errors + " call(s) failed");
        }).toList();
    }

    /** Identifies the policy the findings were judged against, so runs under different policies are told apart. */
    public static String policyHash(ClassificationPolicy policy) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(policy.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
