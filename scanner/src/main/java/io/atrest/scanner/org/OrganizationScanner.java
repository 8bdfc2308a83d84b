package io.atrest.scanner.org;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.aws.AwsErrors;
import io.atrest.scanner.collect.DynamoCollector;
import io.atrest.scanner.collect.Ec2Collector;
import io.atrest.scanner.collect.EfsCollector;
import io.atrest.scanner.collect.IamCollector;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.KmsCollector;
import io.atrest.scanner.collect.MonitoringCollector;
import io.atrest.scanner.collect.RdsCollector;
import io.atrest.scanner.collect.S3Collector;
import io.atrest.scanner.collect.ScpCollector;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.sink.InventorySink;
import io.atrest.scanner.stores.StoreKind;
import io.atrest.scanner.stores.StoreKinds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Scans an organization: walks it, enters each selected account, and runs the collectors
 * there. Work is cut into tasks (one account's S3, or one account-region-service) that a
 * bounded pool runs concurrently; each account has a deadline, so one slow, failing or denied
 * account never stalls the run. Failures are recorded, never thrown, except bugs.
 */
public final class OrganizationScanner {
    private static final Logger LOG = LoggerFactory.getLogger(OrganizationScanner.class);
    /** The message of accounts left out because the scan was asked to stop. */
    public static final String STOPPED = "not scanned: the scan was stopped";

    private final OrganizationsClient organizations;
    private final String callerAccountId;
    private final AccountAccess access;
    private final String homeRegion;
    private final ScanOptions options;
    private ScanListener listener = ScanListener.NONE;
    private java.util.function.BooleanSupplier stopRequested = () -> false;
    private java.util.function.Supplier<java.util.Optional<KnownOrganization>> lastKnown = java.util.Optional::empty;

    public OrganizationScanner(OrganizationsClient organizations, String callerAccountId, AccountAccess access,
                               String homeRegion, ScanOptions options) {
        this.organizations = organizations;
        this.callerAccountId = callerAccountId;
        this.access = access;
        this.homeRegion = homeRegion;
        this.options = options;
    }

    public OrganizationScanner listener(ScanListener newListener) {
        this.listener = newListener;
        return this;
    }

    /**
     * Asks the scan to stop early (a SIGTERM, say): accounts already being collected finish, those
     * not started yet are left out, FAILED with "not scanned: the scan was stopped".
     */
    public OrganizationScanner stopWhen(java.util.function.BooleanSupplier stop) {
        this.stopRequested = stop;
        return this;
    }

    /**
     * Where to turn when the organization cannot be read (throttled past every retry, denied):
     * the accounts of the last stored run, with their OUs and tags as then. Without one, a
     * denied walk scans the caller's account alone and any other failure is thrown.
     */
    public OrganizationScanner lastKnown(java.util.function.Supplier<java.util.Optional<KnownOrganization>> known) {
        this.lastKnown = known;
        return this;
    }

    /** One collection task of an account: a service (or a kind of store) in a region; its failures name both. */
    private record CollectionTask(String region, String service) {}

    /** The walk's result, and why it is not a fresh walk (null when it is). */
    private record Walk(OrganizationView view, String note) {}

    private Walk walk(InventoryBuilder sink) {
        try {
            return new Walk(new OrganizationWalker(organizations, sink, walkInFlight()).walk(callerAccountId), null);
        } catch (OrganizationUnreadable e) {
            sink.error(AwsErrors.toError(e.getCause(), callerAccountId, null, "organizations", e.operation(), null));
            java.util.Optional<KnownOrganization> known = lastKnown.get();
            if (known.isPresent() && !known.get().view().organization().isStandalone()) {
                String note = "the organization could not be read (organizations:" + e.operation() + " "
                        + AwsErrors.errorCode(e.getCause()) + "): scanned the " + known.get().view().accounts().size()
                        + " account(s) of " + known.get().source() + ", with their OUs and tags as then";
                LOG.warn(note);
                return new Walk(known.get().view(), note);
            }
            if (e.denied()) {
                LOG.warn("cannot read the organization from account {} ({}): scanning that account alone",
                        callerAccountId, AwsErrors.errorCode(e.getCause()));
                return new Walk(e.organization() == null ? OrganizationWalker.standalone(callerAccountId)
                        : new OrganizationView(e.organization(), List.of(OrganizationWalker.standaloneAccount(callerAccountId))), null);
            }
            throw e;
        }
    }

    /**
     * Walks the organization and selects the accounts a scan would cover, without scanning them:
     * how a clustered run plans one job per account.
     *
     * @throws UnknownAccountException when {@code --accounts} names an account the organization lacks
     */
    public OrganizationView plan() {
        OrganizationView view = walk(new InventoryBuilder()).view();
        return new OrganizationView(view.organization(), select(view.accounts()));
    }

    /**
     * Scans, handing each account's part of the inventory to {@code sink} as soon as its
     * collection ends, and what belongs to no account (the organization, its accounts and
     * policies) once at the end: the scan itself never holds the whole organization's inventory.
     *
     * @throws UnknownAccountException when {@code --accounts} names an account the organization lacks
     */
    public ScanResult scan(Clock clock, InventorySink sink) {
        InventoryBuilder builder = new InventoryBuilder();
        Walk walk = walk(builder);
        OrganizationView view = walk.view();
        List<Account> selected = select(view.accounts());
        LOG.info("scanning {} account(s) of {}", selected.size(),
                view.organization().isStandalone() ? "a standalone account" : view.organization().id());
        listener.planned(view.organization(), selected.size());

        ExecutorService accountPool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.concurrency(), selected.size())),
                named("atrest-account"));
        FairScheduler workPool = collectors();
        try {
            if (!view.organization().isStandalone()) {
                new ScpCollector(callerAccountId, organizations, builder).collect();
            }
            List<Future<AccountScan>> futures = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger sliceErrors = new java.util.concurrent.atomic.AtomicInteger();
            for (Account account : selected) {
                builder.account(account);
                futures.add(accountPool.submit(() -> {
                    if (stopRequested.getAsBoolean()) {
                        return new AccountScan(account.id(), AccountScanStatus.FAILED, List.of(), 0, STOPPED);
                    }
                    AccountScan scan = scanAccount(account, builder, workPool);
                    Inventory slice = builder.drain(account.id(), clock.instant(), view.organization());
                    sink.add(account.id(), slice);
                    scan = settle(scan, slice);
                    sliceErrors.addAndGet(slice.errors().size());
                    listener.accountDone(scan, builder.errorCount() + sliceErrors.get());
                    return scan;
                }));
            }
            List<AccountScan> scans = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                scans.add(await(futures.get(i), selected.get(i).id()));
            }
            sink.finish(builder.build(clock.instant(), view.organization()));
            return new ScanResult(scans, walk.note());
        } finally {
            accountPool.shutdownNow();
            workPool.close();
        }
    }

    /** One account collected on its own (a clustered run's account job): how it ended, and its part of the inventory. */
    public record CollectedAccount(AccountScan scan, Inventory slice) {}

    /**
     * Walks the organization once and reads what belongs to no single account: the organization,
     * the selected accounts with their OU paths and tags, the SCPs, and the walk's failed calls.
     * A clustered run stores this once; every account job collects against it
     * ({@link #collect}) instead of walking again, and the run is evaluated against it whole.
     *
     * @throws UnknownAccountException when {@code --accounts} names an account the organization lacks
     */
    public Inventory organizationLevel(Clock clock) {
        InventoryBuilder sink = new InventoryBuilder();
        OrganizationView view = walk(sink).view();
        List<Account> selected = select(view.accounts());
        selected.forEach(sink::account);
        if (!view.organization().isStandalone()) {
            new ScpCollector(callerAccountId, organizations, sink).collect();
        }
        return sink.build(clock.instant(), view.organization());
    }

    /**
     * Collects one account of an organization walked before ({@link #organizationLevel}),
     * exactly as {@link #scan(Clock, InventorySink)} collects each: its slice is what that scan
     * would have handed to its sink.
     */
    public CollectedAccount collect(Clock clock, Inventory organizationLevel, String accountId) {
        Account account = organizationLevel.accounts().stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> new UnknownAccountException(Set.of(accountId)));
        InventoryBuilder sink = new InventoryBuilder();
        sink.account(account);
        FairScheduler workPool = collectors();
        try {
            AccountScan scan = stopRequested.getAsBoolean()
                    ? new AccountScan(accountId, AccountScanStatus.FAILED, List.of(), 0, STOPPED)
                    : scanAccount(account, sink, workPool);
            Inventory slice = sink.drain(accountId, clock.instant(), organizationLevel.organization());
            return new CollectedAccount(settle(scan, slice), slice);
        } finally {
            workPool.close();
        }
    }

    /** The collection workers: as many as calls may be in flight, taking turns between accounts and services. */
    private FairScheduler collectors() {
        return new FairScheduler(options.concurrency(), FairScheduler.perKey(options.concurrency()), "atrest-collect");
    }

    /** Organizations allows a few calls per second per caller; a handful in flight, never the whole pool. */
    private int walkInFlight() {
        return Math.max(1, Math.min(options.concurrency(), 8));
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
            throw rethrow(e.getCause());
        }
    }

    /** Collects one account; its status is settled later from the errors the inventory holds for it. */
    private AccountScan scanAccount(Account account, InventoryBuilder sink, FairScheduler workPool) {
        String accountId = account.id();
        long deadline = System.nanoTime() + options.accountDeadline().toNanos();
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
            Set<String> trailsSeen = ConcurrentHashMap.newKeySet();
            Tasks tasks = new Tasks(accountId, workPool);
            // S3 lists first; each bucket is then its own task, so an account's buckets are read a few at a time, in parallel.
            S3Collector s3 = new S3Collector(accountId, clients, homeRegion, Set.copyOf(regions), sink);
            tasks.add(homeRegion, "s3", s3::list);
            // IAM is global: its identities and policies are read once per account, whatever the regions
            tasks.add(homeRegion, "iam", () -> new IamCollector(accountId, homeRegion,
                    clients.client(IamClient.class, IamClient::builder, homeRegion), sink).collect());
            for (String region : regions) {
                tasks.add(region, "kms", () -> new KmsCollector(accountId, region, clients.kms(region), sink).collect());
                tasks.add(region, "ec2", () -> new Ec2Collector(accountId, region, clients.ec2(region), sink).collect());
                tasks.add(region, "rds", () -> new RdsCollector(accountId, region, clients.rds(region), sink).collect());
                tasks.add(region, "dynamodb", () -> new DynamoCollector(accountId, region, clients.dynamoDb(region), sink).collect());
                tasks.add(region, "efs", () -> new EfsCollector(accountId, region, clients.efs(region), sink).collect());
                tasks.add(region, "monitoring", () -> new MonitoringCollector(accountId, region, clients, sink, trailsSeen).collect());
                for (StoreKind<?> kind : StoreKinds.ALL) {
                    tasks.add(region, kind.task(), () -> kind.collector().collect(accountId, region, clients, sink));
                }
            }
            int done = 0;
            Set<CollectionTask> cut = new HashSet<>();
            for (Submitted task; (task = tasks.next()) != null; ) {
                Object result = awaitTask(accountId, task.task(), task.future(), deadline, sink, cut);
                if (result instanceof List<?> followUps) {
                    for (Object work : followUps) {
                        tasks.add(task.task().region(), task.task().service(), (Runnable) work);
                    }
                }
                listener.taskDone(accountId, ++done, done + tasks.pending());
            }
            return new AccountScan(accountId, AccountScanStatus.COMPLETE, regions, 0, null);
        }
    }

    private record Submitted(CollectionTask task, Future<?> future) {}

    /**
     * One account's collection tasks, handed to the scheduler under the account and service they
     * call, and waited for in the order they were given. A task may answer follow-up work (S3's
     * buckets), which joins the end of the line.
     */
    private static final class Tasks {
        private final String accountId;
        private final FairScheduler scheduler;
        private final java.util.ArrayDeque<Submitted> line = new java.util.ArrayDeque<>();

        Tasks(String accountId, FairScheduler scheduler) {
            this.accountId = accountId;
            this.scheduler = scheduler;
        }

        void add(String region, String service, Runnable work) {
            line.add(new Submitted(new CollectionTask(region, service), scheduler.submit(accountId + "/" + service, work)));
        }

        void add(String region, String service, java.util.concurrent.Callable<?> work) {
            line.add(new Submitted(new CollectionTask(region, service), scheduler.submit(accountId + "/" + service, work)));
        }

        Submitted next() {
            return line.poll();
        }

        int pending() {
            return line.size();
        }
    }

    /**
     * Waits for one collection task until the account's deadline; past it, cancels and records a
     * TIMEOUT, once per region and service (an account's buckets are many tasks of one). Looks at the stop request every quarter second: once asked, the task is cancelled
     * (its thread interrupted, its call abandoned) instead of waited for.
     */
    private Object awaitTask(String accountId, CollectionTask task, Future<?> future, long deadline, InventoryBuilder sink,
                             Set<CollectionTask> cut) {
        String region = task.region();
        String service = task.service();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (stopRequested.getAsBoolean()) {
                    future.cancel(true);
                    if (cut.add(task)) {
                        sink.error(new CollectionError(accountId, region, service, "(all)", ErrorReason.TIMEOUT, "Stopped",
                                "cancelled: the scan was asked to stop", null));
                    }
                    return null;
                }
                try {
                    return future.get(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(250))), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (deadline - System.nanoTime() <= 0) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            if (cut.add(task)) {
                sink.error(new CollectionError(accountId, region, service, "(all)", ErrorReason.TIMEOUT, "AccountDeadline",
                        "not finished within the account deadline of " + options.accountDeadline(), null));
            }
        } catch (CancellationException e) {
            if (cut.add(task)) {
                sink.error(new CollectionError(accountId, region, service, "(all)", ErrorReason.TIMEOUT, "Cancelled", "cancelled", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                // A collector lets an SDK failure escape only where it could not tie it to a call.
                sink.error(AwsErrors.toError(sdk, accountId, region, service, "(unexpected)", null));
            } else {
                throw rethrow(cause);
            }
        }
        return null;
    }

    private static RuntimeException rethrow(Throwable cause) {
        // A bug or a read-only violation: never hide it as an account failure.
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
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

    /**
     * The explicit list, else the regions enabled in the account, else the home region with the
     * error recorded; never an excluded one.
     */
    private List<String> regions(String accountId, AccountClients clients, InventoryBuilder sink) {
        if (!options.regions().isEmpty()) {
            return options.regions().stream().filter(r -> !options.excludeRegions().contains(r)).toList();
        }
        try {
            return clients.ec2(homeRegion).describeRegions(r -> r.allRegions(false)).regions().stream()
                    .map(r -> r.regionName())
                    .filter(r -> !options.excludeRegions().contains(r))
                    .sorted()
                    .toList();
        } catch (SdkException e) {
            sink.error(AwsErrors.toError(e, accountId, homeRegion, "ec2", "DescribeRegions", null));
            return List.of(homeRegion);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
