package io.atrest.sql.cluster;

import io.atrest.sql.HistoryException;
import io.atrest.sql.RunStart;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import io.atrest.sql.Sql;
import io.atrest.sql.Weights;
import io.atrest.sql.WriterLock;
import io.atrest.sql.run.RunDao;
import io.atrest.sql.run.RunLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs that several scheduler nodes share ({@code atrest schedule --cluster}): the run is opened
 * once with the organization's walk and one work row per account, any node claims and collects
 * accounts into the run's parts, and when no account is left the run's keeper evaluates them all
 * against the whole organization (as one node would), stores them and closes the run. No process holds the writer lock for such a run; instead a clustered
 * run refuses to start while another run is open, and a plain scan refuses while it is open.
 * Each account is stored at most once per run: the run_account primary key guarantees it, and a
 * recovered job finds the account stored and does not scan it again.
 */
public final class ClusterRuns {
    /** The trigger of clustered runs; {@link RunLog#abandonDeadRuns()} leaves them to their closing job. */
    public static final String TRIGGER = RunLog.CLUSTER_TRIGGER;

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
    private final WriterLock lock;

    public ClusterRuns(Jdbi jdbi, WriterLock lock) {
        this.jdbi = jdbi;
        this.lock = lock;
    }

    /**
     * Evaluates a clustered run's collected accounts and stores them (their findings, scores and
     * failed calls), each in its own transaction; the run is closed after it returns.
     */
    public interface Evaluation {
        /**
         * @param organization the organization part stored when the run opened
         * @param collected every account collected into the run's parts: the organization they are judged in
         * @param stored those of them stored already (a keeper that died half-way): not to be stored again
         * @param part reads one account's part
         */
        void store(long runId, byte[] organization, List<String> collected, java.util.Set<String> stored,
                   java.util.function.Function<String, CollectedPart> part);
    }

    /**
     * Opens a clustered run with one PENDING work row per account.
     *
     * @throws HistoryException when another run is open (a plain scan holding the writer lock, or a clustered run)
     */
    public long start(RunStart start, String organizationId, List<String> accountIds, Instant now) {
        return start(start, organizationId, accountIds, now, null);
    }

    /**
     * Opens a clustered run with its organization part (the walk, stored once for every account
     * job) and one PENDING work row per account.
     */
    public long start(RunStart start, String organizationId, List<String> accountIds, Instant now, byte[] organization) {
        if (!lock.tryLock()) {
            throw new HistoryException("another atrest scan is writing to this database; the clustered run does not start");
        }
        try {
            return Sql.call(() -> jdbi.inTransaction(handle -> {
                ClusterRunDao dao = handle.attach(ClusterRunDao.class);
                RunDao runs = handle.attach(RunDao.class);
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
                if (organization != null) {
                    dao.insertOrganizationPart(id, organization);
                }
                return id;
            }));
        } finally {
            lock.release();
        }
    }

    /** Claims one account's work for {@code node}. */
    public Claim claim(long runId, String accountId, String node, Instant now) {
        return Sql.call(() -> jdbi.inTransaction(handle -> {
            ClusterRunDao dao = handle.attach(ClusterRunDao.class);
            if (dao.stored(runId, accountId) > 0 || dao.hasPart(runId, accountId) > 0) {
                dao.finish(runId, accountId, "DONE", "collected by an earlier attempt", now);
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
        return Sql.call(() -> jdbi.withExtension(ClusterRunDao.class,
                dao -> dao.finishOwn(runId, accountId, node, stored ? "DONE" : "FAILED", message, now))) == 1;
    }

    /**
     * Keeps an account's collected part and ends its work (DONE, or FAILED when the account could
     * not be entered), if {@code node} still holds it; false when another node took it over, and
     * then nothing is kept.
     */
    public boolean collected(long runId, String node, CollectedPart part, Instant now) {
        return Sql.call(() -> jdbi.inTransaction(handle -> {
            ClusterRunDao dao = handle.attach(ClusterRunDao.class);
            if (dao.finishOwn(runId, part.accountId(), node, "FAILED".equals(part.status()) ? "FAILED" : "DONE", part.message(), now) != 1) {
                return false;
            }
            dao.insertPart(runId, part, String.join(",", part.regions()), part.document());
            return true;
        }));
    }

    /** The organization part of a clustered run: the walk its account jobs collect against. */
    public Optional<byte[]> organizationPart(long runId) {
        return Sql.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.organizationPart(runId)));
    }

    /** The account work of a run, for status and tests. */
    public List<AccountWork> work(long runId) {
        return Sql.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.work(runId)));
    }

    /** The nodes of scheduler {@code scheduler} and when each last checked in. */
    public List<ClusterNode> nodes(String scheduler) {
        return Sql.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.nodes(scheduler)).stream()
                .map(n -> new ClusterNode(n.instanceName(), Instant.ofEpochMilli(n.lastCheckinTime()), n.checkinInterval()))
                .toList());
    }

    public List<ScanRun> running() {
        return Sql.call(() -> jdbi.withExtension(ClusterRunDao.class, ClusterRunDao::runningClusterRuns));
    }

    /**
     * Closes the run when no account is pending or running: first {@code evaluation} stores the
     * accounts collected into its parts, then the run closes COMPLETE when every account was
     * stored whole, PARTIAL when some failed or were partial, FAILED when none was stored, and its
     * parts are deleted.
     *
     * @return the status it was closed with, or empty when work is left (or it was closed already)
     */
    public Optional<RunStatus> closeIfDone(long runId, Weights weights, Instant now, Evaluation evaluation) {
        boolean ready = Sql.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.unfinished(runId) == 0
                && dao.runningClusterRuns().stream().anyMatch(r -> r.id() == runId)));
        if (!ready) {
            return Optional.empty();
        }
        Optional<byte[]> organization = organizationPart(runId);
        if (organization.isPresent()) {
            List<String> collected = Sql.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.collectedAccounts(runId)));
            java.util.Set<String> stored = Sql.call(() -> jdbi.withExtension(ClusterRunDao.class, dao -> dao.storedAccounts(runId)));
            evaluation.store(runId, organization.get(), collected, stored, account -> Sql.call(() -> jdbi.withExtension(
                    ClusterRunDao.class, dao -> dao.part(runId, account)
                            .map(r -> new CollectedPart(r.accountId(), r.status(),
                                    r.regions() == null || r.regions().isEmpty() ? List.of() : List.of(r.regions().split(",")),
                                    r.errors() == null ? 0 : r.errors(), r.message(), r.document()))
                            .orElseThrow(() -> new HistoryException("run " + runId + " has no part for account " + account)))));
        }
        return Sql.call(() -> jdbi.inTransaction(handle -> {
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
            lock.wrote();
            if (dao.close(runId, status.name(), now, totals, message) != 1) {
                return Optional.<RunStatus>empty();
            }
            handle.attach(RunDao.class).insertTotals(runId);
            dao.deleteParts(runId);
            return Optional.of(status);
        }));
    }

    /** Closes a clustered run that can no longer finish (its nodes are gone), out of every trend. */
    public boolean abandon(long runId, String reason, Instant now) {
        return Sql.call(() -> jdbi.inTransaction(handle -> {
            ClusterRunDao dao = handle.attach(ClusterRunDao.class);
            dao.deleteParts(runId); // an inventory does not outlive its run
            return dao.abandon(runId, reason, now);
        })) == 1;
    }
}
