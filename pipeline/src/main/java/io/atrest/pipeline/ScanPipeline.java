package io.atrest.pipeline;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.KnownOrganization;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.OrganizationView;
import io.atrest.scanner.org.ScanListener;
import io.atrest.scanner.org.ScanResult;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.sink.InventorySink;
import io.atrest.sql.HistoryStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One scan, stored as one run: open the run (taking the database's writer lock), walk the
 * organization, collect each account into the sink, evaluate and store each account, close the
 * run. What {@code atrest scan} and the nightly scheduler both run.
 */
public final class ScanPipeline {
    private final Scanners scanners;
    private final ClassificationPolicy policy;
    private final Clock clock;
    private final String toolVersion;

    public ScanPipeline(Scanners scanners, ClassificationPolicy policy, Clock clock, String toolVersion) {
        this.scanners = scanners;
        this.policy = policy;
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    /**
     * Scans and stores one run. When {@code stop} is asked mid-scan, accounts being collected
     * finish, no new one starts, and the run is closed ABANDONED with the reason: a run that saw
     * only part of the organization never enters a trend.
     *
     * @param sink where each account's inventory waits until it is evaluated; closed by the caller
     */
    public RunOutcome run(HistoryStore store, String trigger, Stop stop, ScanListener listener, InventorySink sink) {
        RunRecorder recorder = new RunRecorder(store, CheckCatalog.standard(), policy, clock, toolVersion);
        long runId = recorder.begin(trigger, clock.instant());
        // While it collects, the scan lets go of an H2 file (keeping the writer lock), so that the
        // history can be read meanwhile; it takes the file back for each write.
        store.pauseWriting();
        ScanResult result;
        try {
            try {
                result = scanners.with(stop, scanner -> scanner.listener(new PlanRecorder(store, runId, listener)).stopWhen(stop)
                        .lastKnown(() -> withFile(store, () -> lastKnown(store))).scan(clock, sink));
            } finally {
                store.resumeWriting(); // collection is over, or failed: what follows writes the run
            }
        } catch (RunRefused e) {
            recorder.discard(runId);
            throw e;
        } catch (RuntimeException e) {
            recorder.fail(runId, e.getMessage());
            throw e;
        }
        if (stop.getAsBoolean()) {
            long scanned = result.accounts().stream().filter(a -> !OrganizationScanner.STOPPED.equals(a.message())).count();
            recorder.abandon(runId, stop.cause() + " after " + scanned + " of " + result.accounts().size()
                    + " account(s) collected; nothing of this run is stored");
            return new RunOutcome(runId, result, true);
        }
        try {
            recorder.stopWhen(stop).complete(runId, sink, result.accounts(), result.walkNote());
        } catch (RunRecorder.Stopped e) {
            return new RunOutcome(runId, result, true);
        }
        return new RunOutcome(runId, result, false);
    }

    /**
     * Stores the organization and the accounts planned as soon as the walk ends, so a run that is
     * interrupted or dies still says what it set out to scan.
     */
    private static final class PlanRecorder implements ScanListener {
        private final HistoryStore store;
        private final long runId;
        private final ScanListener listener;

        PlanRecorder(HistoryStore store, long runId, ScanListener listener) {
            this.store = store;
            this.runId = runId;
            this.listener = listener;
        }

        @Override
        public void planned(Organization organization, int accounts) {
            withFile(store, () -> {
                store.runLog().planRun(runId, organization == null ? null : organization.id(), accounts);
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

    /** The organization as the last stored run saw it: what a night scans when the organization cannot be read. */
    private static Optional<KnownOrganization> lastKnown(HistoryStore store) {
        return store.queries().lastStoredOrganization().map(known -> new KnownOrganization(
                "run " + known.run().id() + " of " + known.run().startedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                new OrganizationView(new Organization(known.run().organizationId(), null), known.accounts())));
    }
}
