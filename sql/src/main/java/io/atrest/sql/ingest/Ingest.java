package io.atrest.sql.ingest;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.sql.HistoryException;
import io.atrest.sql.OpenStateDao;
import io.atrest.sql.ScanRun;
import io.atrest.sql.Sql;
import io.atrest.sql.run.RunDao;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores accounts' parts of a run, each in one transaction: a run that dies leaves whole
 * accounts or nothing of them. Findings are stored as intervals of unchanged state in four
 * phases: which resources changed ({@link ChangedResources}), their open states
 * ({@link LoadedStates}), the state changes and fixes ({@link StateChanges}), the writes
 * ({@link FindingWrites}). A finding that did not change costs no write at all.
 */
public final class Ingest {
    private final Jdbi jdbi;
    /** The start of the run being stored: failing streaks that begin in it begin then. */
    private volatile RunStarted lastRun;

    private record RunStarted(long id, Instant at) {}

    public Ingest(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores one account's part of a run, all or nothing. Unchanged findings are left alone;
     * a changed one closes its old state (at the account's previous run) and opens a new one;
     * one no longer reported is closed, unless its resource sits in a listing gap.
     */
    public void recordAccount(long runId, AccountResult result, List<Finding> findings, Score score) {
        Account account = result.account();
        Instant runStarted = runStarted(runId);
        Sql.run(() -> jdbi.useTransaction(handle -> {
            AccountDao accounts = handle.attach(AccountDao.class);
            Long previousRun = accounts.accountLastRun(account.id()).orElse(null);
            AccountRows.store(accounts, runId, account, previousRun);
            accounts.insertRunAccount(runId, account.id(), account.ouPathText(), result.status().name(), String.join(",", result.regions()),
                    result.collectionErrors(), score.score(), score.coverage(), Sql.truncate(result.message(), 4000));
            if (result.status() != AccountScanStatus.FAILED) {
                storeFindings(handle, runId, runStarted, previousRun, result, findings);
            }
            RunCounts.write(handle.attach(RunCountDao.class), runId, account, findings);
        }));
    }

    private static void storeFindings(Handle handle, long runId, Instant runStarted, Long previousRun, AccountResult result,
                                      List<Finding> findings) {
        String accountId = result.account().id();
        ResourceDao resourceDao = handle.attach(ResourceDao.class);
        ChangedResources resources = ChangedResources.find(resourceDao, runId, accountId, findings, result.listingGaps(), previousRun);
        LoadedStates states = LoadedStates.load(handle.attach(OpenStateDao.class), resources.toLoad());
        StateChanges changes = StateChanges.of(resources, states, runId, runStarted, accountId);
        new FindingWrites(handle, runId, runStarted, accountId, previousRun).write(resources, states, changes);
        AttributeIntervals.store(resourceDao, runId, previousRun, result.attributes(), resources);
    }

    private Instant runStarted(long runId) {
        RunStarted known = lastRun;
        if (known != null && known.id() == runId) {
            return known.at();
        }
        Instant at = Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.run(runId))).map(ScanRun::startedAt)
                .orElseThrow(() -> new HistoryException("no run " + runId));
        lastRun = new RunStarted(runId, at);
        return at;
    }
}
