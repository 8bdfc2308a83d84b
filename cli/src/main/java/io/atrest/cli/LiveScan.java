package io.atrest.cli;

import io.atrest.scanner.aws.AwsSettings;
import io.atrest.scanner.aws.ClientFactory;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.inventory.AccountSlices;
import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.scanner.org.AssumeRoleAccess;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.OrganizationUnreadable;
import io.atrest.scanner.org.OrganizationView;
import io.atrest.scanner.org.ScanListener;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.org.ScanResult;
import io.atrest.scanner.org.UnknownAccountException;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.sql.HistoryStore;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.org.KnownOrganization;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One live scan of AWS, stored as one run: open the run (taking the database's writer lock),
 * walk the organization, collect, evaluate, store each account, close the run. Shared by
 * {@code scan} and the scheduler.
 */
final class LiveScan {
    private final LiveScanOptions options;
    private final ClassificationPolicy policy;
    private final Clock clock;

    /** How a scan ended: the stored run, and what was collected. */
    record Outcome(long runId, ScanResult result, boolean stopped) {
        /** True when no account could be entered at all. */
        boolean nothingRead() {
            return result != null && result.accounts().stream().allMatch(a -> a.status() == AccountScanStatus.FAILED);
        }
    }

    LiveScan(LiveScanOptions options, ClassificationPolicy policy, Clock clock) {
        this.options = options;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Scans and stores one run. When {@code stop} turns true mid-scan, accounts being collected
     * finish, no new one starts, and the run is closed ABANDONED with the reason: a run that saw
     * only part of the organization never enters a trend.
     */
    Outcome run(HistoryStore store, String trigger, BooleanSupplier stop, ScanListener listener) {
        return run(store, trigger, stop, listener, false);
    }

    /**
     * @param wholeInventory keep the whole inventory in memory and in the outcome (to save it);
     *                       otherwise each account's part waits on disk until it is evaluated, and
     *                       the outcome's inventory holds only the organization level
     */
    Outcome run(HistoryStore store, String trigger, BooleanSupplier stop, ScanListener listener, boolean wholeInventory) {
        AwsSettings settings = options.awsSettings();
        ScanOptions scanOptions = options.scanOptions();
        RunRecorder recorder = new RunRecorder(store, CheckCatalog.standard(), policy, clock);
        AccountSlices slices = wholeInventory ? null : temporaryFolder(); // before the run opens: a failure writes nothing
        long runId = recorder.begin(trigger, clock.instant());
        // While it collects, the scan lets go of an H2 file (keeping the writer lock), so that the
        // history can be read meanwhile; it takes the file back for each write.
        store.pauseWriting();
        // The organization and the accounts planned are stored as soon as the walk ends, so a run
        // that is interrupted or dies still says what it set out to scan.
        ScanListener recording = new ScanListener() {
            @Override
            public void planned(Organization organization, int accounts) {
                withFile(store, () -> {
                    store.planRun(runId, organization == null ? null : organization.id(), accounts);
                    return null;
                });
                listener.planned(organization, accounts);
            }

            @Override
            public void taskDone(String accountId, int done, int total) {
                listener.taskDone(accountId, done, total);
            }

            @Override
            public void accountDone(AccountScan scan, int errors) {
                listener.accountDone(scan, errors);
            }
        };
        try (slices) {
            ScanResult result;
            try {
                try (ClientFactory clients = new ClientFactory(settings, stop)) {
                    result = scan(clients, settings, scanOptions, stop, recording, slices, () -> withFile(store, () -> lastKnown(store)));
                } finally {
                    store.resumeWriting(); // collection is over, or failed: what follows writes the run
                }
            } catch (UserError e) {
                recorder.discard(runId);
                throw e;
            } catch (RuntimeException e) {
                recorder.fail(runId, e.getMessage());
                throw e;
            }
            if (stop.getAsBoolean()) {
                long scanned = result.accounts().stream().filter(a -> !OrganizationScanner.STOPPED.equals(a.message())).count();
                recorder.abandon(runId, cause(stop) + " after " + scanned + " of " + result.accounts().size()
                        + " account(s) collected; nothing of this run is stored");
                return new Outcome(runId, result, true);
            }
            try {
                recorder.stopWhen(stop, () -> cause(stop));
                if (slices == null) {
                    recorder.complete(runId, result.inventory(), result.accounts(), result.walkNote());
                } else {
                    recorder.complete(runId, slices, result.accounts(), result.walkNote());
                }
            } catch (RunRecorder.Stopped e) {
                return new Outcome(runId, result, true);
            }
            return new Outcome(runId, result, false);
        }
    }

    /** Takes the paused H2 file back for one piece of {@code work} during the collection, then lets go again. */
    private static <T> T withFile(HistoryStore store, Supplier<T> work) {
        store.resumeWriting();
        try {
            return work.get();
        } finally {
            store.pauseWriting();
        }
    }

    /** How a stopped run says why it stopped: "interrupted by SIGINT", or "stopped" when nothing says more. */
    static String cause(BooleanSupplier stop) {
        return stop instanceof Interrupts interrupts && interrupts.signal() != null
                ? "interrupted by " + interrupts.signal()
                : "stopped before the end";
    }

    /** The organization as the last stored run saw it: what a night scans when the organization cannot be read. */
    private static Optional<KnownOrganization> lastKnown(HistoryStore store) {
        return store.lastStoredOrganization().map(known -> new KnownOrganization(
                "run " + known.run().id() + " of " + known.run().startedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                new OrganizationView(new Organization(known.run().organizationId(), null), known.accounts())));
    }

    private static AccountSlices temporaryFolder() {
        try {
            return AccountSlices.inTemporaryFolder();
        } catch (java.io.UncheckedIOException e) {
            throw new UserError(e.getMessage() + " (another folder: ATREST_JAVA_OPTS=-Djava.io.tmpdir=DIR)");
        }
    }

    private ScanResult scan(ClientFactory clients, AwsSettings settings, ScanOptions scanOptions, BooleanSupplier stop,
                            ScanListener listener, AccountSlices slices, Supplier<Optional<KnownOrganization>> lastKnown) {
        return withScanner(clients, settings, scanOptions,
                scanner -> scanner.listener(listener).stopWhen(stop).lastKnown(lastKnown).scan(clock, slices));
    }

    /** Walks the organization and returns the accounts a scan would cover (a clustered run's plan). */
    OrganizationView plan() {
        AwsSettings settings = options.awsSettings();
        try (ClientFactory clients = new ClientFactory(settings)) {
            return withScanner(clients, settings, options.scanOptions(), OrganizationScanner::plan);
        }
    }

    /** Runs {@code work} on a scanner of the organization over live clients that stop calling when {@code stop} turns true. */
    <T> T withScanner(BooleanSupplier stop, java.util.function.Function<OrganizationScanner, T> work) {
        AwsSettings settings = options.awsSettings();
        try (ClientFactory clients = new ClientFactory(settings, stop)) {
            return withScanner(clients, settings, options.scanOptions(), work);
        }
    }

    private <T> T withScanner(ClientFactory clients, AwsSettings settings, ScanOptions scanOptions,
                              java.util.function.Function<OrganizationScanner, T> work) {
        String caller;
        try (StsClient sts = clients.sts(clients.baseCredentials())) {
            try {
                caller = sts.getCallerIdentity().account();
            } catch (SdkException e) {
                String why = String.valueOf(e.getMessage()).startsWith("Unable to load credentials")
                        ? "no AWS credentials found (environment, --profile, SSO, container or instance role)"
                        : firstLine(e.getMessage());
                throw new ScanFailed("cannot identify the caller: " + why, e);
            }
            AssumeRoleAccess access;
            try {
                access = new AssumeRoleAccess(clients, sts, caller, options.roleName, options.externalId);
            } catch (IllegalArgumentException e) {
                throw new UserError("--role-name: " + e.getMessage());
            }
            try (OrganizationsClient organizations = clients.organizations(clients.baseCredentials())) {
                return work.apply(new OrganizationScanner(organizations, caller, access, settings.homeRegion(), scanOptions));
            } catch (UnknownAccountException e) {
                throw new UserError(e.getMessage());
            } catch (OrganizationUnreadable e) {
                throw new ScanFailed("cannot read the organization, and no stored run to scan its accounts from: " + e.getMessage(), e);
            } catch (SdkException e) {
                throw new ScanFailed("cannot read the organization: " + firstLine(e.getMessage()), e);
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n", 2)[0];
    }
}
