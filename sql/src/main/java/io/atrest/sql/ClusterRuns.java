package io.atrest.sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs that several scheduler nodes share ({@code atrest schedule --cluster}): the run is opened
 * once with one work row per account, any node claims and stores accounts, and the run is closed
 * when no account is left. No process holds the writer lock for such a run; instead a clustered
 * run refuses to start while another run is open, and a plain scan refuses while it is open.
 * Each account is stored at most once per run: the run_account primary key guarantees it, and a
 * recovered job finds the account stored and does not scan it again.
 */
public final class ClusterRuns {
    /** The trigger of clustered runs; {@link HistoryStore#abandonDeadRuns()} leaves them to their closing job. */
    public static final String TRIGGER = "CLUSTER";

    /** What claiming an account's work found. */
    public enum Claim {
        /** The account is this node's to scan. */
        CLAIMED,
        /** Another attempt already stored it (its node died before saying so): now marked done. */
        ALREADY_STORED,
        /** Done or failed already, or no such work: nothing to do. */
        NOTHING_TO_DO
    }

    private final Jdbi jdbi;
    private final Database database;

    ClusterRuns(Jdbi jdbi, Database database) {
        this.jdbi = jdbi;
        this.database = database;
    }

    /**
     * Opens a clustered run with one PENDING work row per account.
     *
     * @throws HistoryException when another run is open (a plain scan holding the writer lock, or a clustered run)
     */
    public long start(RunStart start, String organizationId, List<String> accountIds, Instant now) {
        if (!database.tryWriterLock()) {
            throw new HistoryException("another atrest scan is writing to this database; the clustered run does not start");
        }
        try {
            return HistoryStore.call(() -> jdbi.inTransaction(handle -> {
                ClusterRunDao dao = handle.attach(ClusterRunDao.class);
                HistoryDao runs = handle.attach(HistoryDao.class);
                Optional<ScanRun> open = runs.runningRuns().stream().findFirst();
                if (open.isPresent()) {
                    throw new HistoryException("run " + open.get().id() + " (" + open.get().runTrigger() + ", started "
                            + open.get().startedAt() + ") is still running; the clustered run does not start");
                }
                long id = runs.insertRun(new RunStart(TRIGGER, start.startedAt(), start.toolVersion(), start.policyHash(),
                        organizationId, accountIds.size()));
                if (!accountIds.isEmpty()) {
                    dao.insertWork(id, accountIds, now);
                }
                return id;
            }));
        } finally {
            database.releaseWriterLock();
        }
    }

    /** Claims one account's work for {@code node}. */
    public Claim claim(long runId, String accountId, String node, Instant now) {
        return HistoryStore.call(() -> jdbi.inTransaction(handle -> {
            ClusterRunDao dao = handle.attach(ClusterRunDao.class);
            if (dao.stored(runId, accountId) > 0) {
                dao.finish(runId, accountId, "DONE", "stored by an earlier attempt", now);
                return Claim.ALREADY_STORED;
            }
            return dao.claim(runId, accountId, node, now) == 1 ? Claim.CLAIMED : Claim.NOTHING_TO_DO;
        }));
    }

    /**
     * Marks an account's work DONE (stored) or FAILED (could not be scanned), if {@code node} still
     * holds it; returns false when another node has taken it over meanwhile.
     */
    public boolean finish(long runId, String accountId, String node, boolean stored, String message, Instant now) {
        return HistoryStore.call(() -> jdbi.withExtension(ClusterRunDao.class,
                dao -> dao.finishOwn(runId, accountId, node, stored ? "DONE" : "FAILED", message, now))) == 1;
    }

    /** The account work of a run, for status and tests. */
    public List<AccountWork> work(long runId) {
        return HistoryStore.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.work(runId)));
    }

    /** The nodes of scheduler {@code scheduler} and when each last checked in. */
    public List<ClusterNode> nodes(String scheduler) {
        return HistoryStore.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.nodes(scheduler)).stream()
                .map(n -> new ClusterNode(n.instanceName(), Instant.ofEpochMilli(n.lastCheckinTime()), n.checkinInterval()))
                .toList());
    }

    public List<ScanRun> running() {
        return HistoryStore.call(() -> jdbi.withExtension(ClusterRunDao.class, ClusterRunDao::runningClusterRuns));
    }

    /**
     * Closes the run when no account is pending or running: COMPLETE when every account was
     * stored whole, PARTIAL when some failed or were partial, FAILED when none was stored.
     *
     * @return the status it was closed with, or empty when work is left (or it was closed already)
     */
    public Optional<RunStatus> closeIfDone(long runId, Weights weights, Instant now) {
        return HistoryStore.call(() -> jdbi.inTransaction(handle -> {
            ClusterRunDao dao = handle.attach(ClusterRunDao.class);
            if (dao.unfinished(runId) > 0) {
                return Optional.<RunStatus>empty();
            }
            ClusterRunDao.ClusterRunTotals totals = dao.totals(runId, weights);
            RunStatus status = totals.accountsDone() == 0 ? RunStatus.FAILED
                    : totals.accountsFailed() + totals.accountsPartial() > 0 || totals.collectionErrors() > 0 ? RunStatus.PARTIAL
                    : RunStatus.COMPLETE;
            String message = status == RunStatus.COMPLETE ? null
                    : totals.accountsFailed() + " account(s) failed, " + totals.accountsPartial() + " partial, "
                            + totals.collectionErrors() + " API call(s) failed";
            database.wrote();
            if (dao.close(runId, status.name(), now, totals, message) != 1) {
                return Optional.<RunStatus>empty();
            }
            HistoryDao history = handle.attach(HistoryDao.class);
            history.insertRunTotals(runId);
            history.insertOuTotals(runId);
            history.insertCheckTotals(runId);
            return Optional.of(status);
        }));
    }

    /** Closes a clustered run that can no longer finish (its nodes are gone), out of every trend. */
    public boolean abandon(long runId, String reason, Instant now) {
        return HistoryStore.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.abandon(runId, reason, now))) == 1;
    }
}
