package io.atrest.scanner.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An organization's inventory held one account at a time: each account's slice waits on disk
 * (in a folder only the owner can read, removed on {@link #close}) from the moment its
 * collection ends, and memory keeps only what evaluating any account needs to know about the
 * others: accounts, keys (without their policies), scanned regions, errors, monitoring that
 * can serve other accounts, and a {@link StoreStub} per store. So a scan's memory grows with
 * these few facts per resource, not with every policy and setting it read.
 */
public final class AccountSlices implements AutoCloseable {
    private final Path folder;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Queue<KmsKey> keys = new ConcurrentLinkedQueue<>();
    private final Queue<AccountRegion> scope = new ConcurrentLinkedQueue<>();
    private final Queue<CollectionError> errors = new ConcurrentLinkedQueue<>();
    private final Queue<MetricFilter> metricFilters = new ConcurrentLinkedQueue<>();
    private final Queue<MetricAlarm> metricAlarms = new ConcurrentLinkedQueue<>();
    private final Queue<EventRule> eventRules = new ConcurrentLinkedQueue<>();
    private final Queue<StoreStub> stores = new ConcurrentLinkedQueue<>();
    private final AtomicInteger resources = new AtomicInteger();
    private volatile Inventory lookups;

    private AccountSlices(Path folder) {
        this.folder = folder;
    }

    /** Slices kept in a new private folder under the system's temporary directory. */
    public static AccountSlices inTemporaryFolder() {
        return inFolderUnder(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Slices kept in a new private folder under {@code parent}. Folders that scans killed
     * before their end left there (their process is gone) are removed first: they hold an
     * inventory, which should not outlive its scan.
     */
    public static AccountSlices inFolderUnder(Path parent) {
        removeAbandoned(parent);
        try {
            Path folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(parent, PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(parent, PREFIX);
            Files.writeString(folder.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            return new AccountSlices(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the scan under " + parent + ": " + why(e), e);
        }
    }

    /** NIO names only the path in most of its exceptions: say what went wrong instead. */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static final String PREFIX = "atrest-scan-";
    /** The file naming the process that owns a slice folder. */
    private static final String OWNER = "owner.pid";

    /** Removes slice folders whose owning process is gone; returns how many. Folders it cannot read are left alone. */
    static int removeAbandoned(Path parent) {
        int removed = 0;
        try (Stream<Path> folders = Files.list(parent)) {
            for (Path folder : folders.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList()) {
                try {
                    long pid = Long.parseLong(Files.readString(folder.resolve(OWNER)).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue; // a scan running now (or a process that took the id over: left alone)
                    }
                    delete(folder);
                    removed++;
                } catch (IOException | NumberFormatException | UncheckedIOException e) {
                    // not ours to judge: no owner file yet, another user's folder, or unreadable
                }
            }
        } catch (IOException e) {
            return removed; // the temporary directory cannot be listed: nothing to clean
        }
        return removed;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** Keeps one account's slice (from {@code InventoryBuilder.drain}) on disk and its cross-account facts in memory. */
    public void add(String accountId, Inventory slice) {
        Path file = folder.resolve(accountId + ".json");
        InventoryDocument.write(slice, file);
        if (files.putIfAbsent(accountId, file) != null) {
            throw new IllegalStateException("account " + accountId + " was sliced twice");
        }
        slice.keys().forEach(k -> keys.add(withoutPolicy(k)));
        scope.addAll(slice.scope());
        errors.addAll(slice.errors());
        metricFilters.addAll(slice.metricFilters());
        metricAlarms.addAll(slice.metricAlarms());
        eventRules.addAll(slice.eventRules());
        slice.dataStores().forEach(s -> stores.add(StoreStub.of(s)));
        resources.addAndGet(slice.resourceCount());
    }

    /**
     * What belongs to no single account (the organization, its accounts and policies, errors of
     * no account): once, at the end, when every account is sliced. The lookups every account's
     * evaluation shares are put together here, once.
     */
    public void finish(Inventory organizationLevel) {
        Inventory r = organizationLevel;
        List<CollectionError> allErrors = new ArrayList<>(r.errors());
        allErrors.addAll(errors);
        this.lookups = new Inventory(Inventory.SCHEMA_VERSION, r.collectedAt(), r.organization(), r.accounts(),
                sorted(scope, ar -> ar.accountId() + "/" + ar.region()), List.of(), List.of(),
                sorted(keys, KmsKey::arn), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.copyOf(metricFilters), List.copyOf(metricAlarms),
                List.copyOf(eventRules), List.of(), List.of(), r.serviceControlPolicies(), allErrors);
    }

    /** Every account, key, scanned region, error and monitoring item of the scan: what an evaluation looks up. */
    public Inventory lookups() {
        if (lookups == null) {
            throw new IllegalStateException("the organization-level part of the inventory was not given yet");
        }
        return lookups;
    }

    /** Every store of the scan, as far as other accounts' evaluations need it. */
    public List<StoreStub> stores() {
        return sorted(stores, StoreStub::arn);
    }

    /** The organization scanned (null for a standalone account's scan, as in an inventory). */
    public Organization organization() {
        return lookups().organization();
    }

    /** The organization's accounts in their order, sliced or not (an account never entered has an empty slice). */
    public List<Account> accounts() {
        return lookups().accounts();
    }

    /**
     * One account's inventory, read back, with what its checks look up beyond it: the
     * organization and its policies, every account's metric filters, alarms and event rules (an
     * organization trail's alerting lives in the management account), and every error.
     */
    public Inventory slice(String accountId) {
        Inventory r = lookups();
        Path file = files.get(accountId);
        // An account never entered (or stopped before it started) has no slice: its inventory is empty.
        Inventory own = file == null ? new Inventory(Inventory.SCHEMA_VERSION, r.collectedAt(), r.organization(), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : InventoryDocument.read(file);
        List<Account> account = r.accounts().stream().filter(a -> a.id().equals(accountId)).toList();
        return new Inventory(Inventory.SCHEMA_VERSION, r.collectedAt(), r.organization(), account, own.scope(), own.buckets(),
                own.accountPublicAccessBlocks(), own.keys(), own.volumes(), own.snapshots(), own.ebsDefaults(), own.vpcs(),
                own.vpcEndpoints(), own.rdsInstances(), own.rdsClusters(), own.rdsSnapshots(), own.dynamoTables(),
                own.efsFileSystems(), own.trails(), r.metricFilters(), r.metricAlarms(), r.eventRules(),
                own.configRecorders(), own.configRules(), r.serviceControlPolicies(), r.errors());
    }

    /** Data stores and keys of every account: what findings are about, for counts. */
    public int resourceCount() {
        return resources.get();
    }

    /** Failed calls of the whole scan. */
    public int errorCount() {
        return lookups().errors().size();
    }

    /** The folder the slices wait in (for tests: it must be private, and gone after close). */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the scan's temporary folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static KmsKey withoutPolicy(KmsKey k) {
        // Other accounts resolve and count a key; only its own account's checks read its policy.
        return new KmsKey(k.accountId(), k.region(), k.keyId(), k.arn(), k.aliases(), k.manager(), k.state(), k.origin(),
                k.keySpec(), k.keyUsage(), k.multiRegion(), k.createdAt(), k.deletionDate(), k.validTo(), k.rotationEnabled(),
                Observed.absent(), k.tags());
    }

    private static <T> List<T> sorted(Queue<T> items, java.util.function.Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }
}
