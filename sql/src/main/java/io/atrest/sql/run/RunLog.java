package io.atrest.sql.run;

import io.atrest.sql.HistoryException;
import io.atrest.sql.RunStart;
import io.atrest.sql.RunStatus;
import io.atrest.sql.RunTotals;
import io.atrest.sql.ScanRun;
import io.atrest.sql.Sql;
import io.atrest.sql.WriterLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The log of scan runs: a run is started (taking the writer lock), planned once the organization
 * is walked, and finished with its status (releasing the lock), or discarded when it stored
 * nothing. Also what the log tells: a run, the recent ones, the last stored one at a moment.
 */
public final class RunLog {
    /** The trigger of clustered runs: no process holds the writer lock for them, so they are never abandoned here. */
    public static final String CLUSTER_TRIGGER = "CLUSTER";

    private final Jdbi jdbi;
    private final WriterLock lock;

    public RunLog(Jdbi jdbi, WriterLock lock) {
        this.jdbi = jdbi;
        this.lock = lock;
    }

    /** RUNNING runs whose writer is gone become ABANDONED; returns how many. */
    public int abandonDeadRuns() {
        if (!lock.tryLock()) {
            return 0; // a scan is writing right now: its run is alive
        }
        try {
            return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.abandonRunning(Instant.now())));
        } finally {
            lock.release();
        }
    }

    /**
     * Starts a run, holding the writer lock until {@link #finishRun} or {@link #discardRun}.
     *
     * @throws HistoryException when another scan is writing to this database
     */
    public long startRun(RunStart start) {
        if (!lock.acquire(Duration.ofSeconds(5))) {
            String running = Sql.call(() -> jdbi.withExtension(RunDao.class, RunDao::runningRuns)).stream()
                    .map(r -> "run " + r.id() + " started " + r.startedAt()).findFirst().orElse("a run");
            throw new HistoryException("another atrest scan is writing to this database (" + running + "); try again when it ends");
        }
        Optional<ScanRun> clustered = Sql.call(() -> jdbi.withExtension(RunDao.class, RunDao::runningRuns)).stream()
                .filter(r -> CLUSTER_TRIGGER.equals(r.runTrigger())).findFirst();
        if (clustered.isPresent()) {
            lock.release();
            throw new HistoryException("a clustered run is writing to this database (run " + clustered.get().id() + " started "
                    + clustered.get().startedAt() + "); try again when it ends");
        }
        return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.insertRun(start)));
    }

    /**
     * Forgets a run that stored nothing (it was refused for bad input before any account was
     * written) and releases the writer lock. A run that stored anything is kept.
     */
    public boolean discardRun(long runId) {
        try {
            return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.discardRun(runId))) == 1;
        } finally {
            lock.release();
        }
    }

    /** Records what a run found to scan, once the organization has been walked. */
    public void planRun(long runId, String organizationId, int accountsPlanned) {
        Sql.run(() -> jdbi.useExtension(RunDao.class, dao -> dao.planRun(runId, organizationId, accountsPlanned)));
    }

    /** Closes a RUNNING run with its totals and releases the writer lock; a run already closed is left as it is. */
    public void finishRun(long runId, RunStatus status, Instant finishedAt, RunTotals totals) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run is closed with a final status");
        }
        try {
            Sql.run(() -> jdbi.useTransaction(handle -> {
                RunDao dao = handle.attach(RunDao.class);
                if (dao.closeRun(runId, status.name(), finishedAt, totals) == 1) {
                    dao.insertTotals(runId);
                }
            }));
        } finally {
            lock.wrote();
            lock.release();
        }
    }

    public Optional<ScanRun> run(long runId) {
        return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.run(runId)));
    }

    public List<ScanRun> recentRuns(int limit) {
        return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.recentRuns(limit)));
    }

    /** The newest runs that stored findings (COMPLETE or PARTIAL), newest first. */
    public List<ScanRun> recentStoredRuns(int limit) {
        return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.recentStoredRuns(limit)));
    }

    /** The stored (complete or partial) run before run {@code runId}: what an export calls new, still open or fixed against. */
    public Optional<ScanRun> storedRunBefore(long runId) {
        return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.storedRunBefore(runId)));
    }

    /** The last stored run that had started by {@code at}: what was known at that moment. */
    public Optional<ScanRun> lastStoredRunAt(Instant at) {
        return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.lastStoredRunAt(at)));
    }

    /** The newest run started by {@code trigger} (SCAN, SCHEDULE, ...), whatever its status. */
    public Optional<ScanRun> lastRunOf(String trigger) {
        return Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.lastRunOf(trigger)));
    }

    /** When the oldest complete or partial run began: what failed then was already failing, not new. */
    public Optional<Instant> firstStoredRunStart() {
        return Sql.call(() -> jdbi.withExtension(RunDao.class, RunDao::firstStoredRunStart));
    }
}
