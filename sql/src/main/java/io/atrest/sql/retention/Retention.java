package io.atrest.sql.retention;

import io.atrest.sql.HistoryException;
import io.atrest.sql.Sql;
import io.atrest.sql.WriterLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Retention ({@code atrest db prune}): deletes runs older than a cut, keeping every interval that
 * spans it whole. Every table of the history is declared here once with how retention treats it,
 * so that a new table cannot be forgotten ({@code RetentionTest} compares the lists with the
 * migrated schema).
 */
public final class Retention {
    /**
     * Rows that belong to one run ({@code run_id}): deleted with their run, in this order (rows
     * that point at run_account before it), before scan_run itself.
     */
    public static final List<String> PER_RUN = List.of(
            "run_aggregate", "run_rollup", "run_not_evaluated", "run_remediated", "run_total", "run_ou_total",
            "run_check_total", "run_new_failures", "run_work", "run_part", "collection_error", "run_account");

    /**
     * Intervals of state (first_run_id, last_run_id): those that ended before the first kept run
     * are deleted, those that reach past the cut are clamped to begin at it.
     */
    public static final List<String> INTERVALS = List.of("finding", "resource_state", "account_state");

    /** Rows that live across runs: clamped to begin at the first kept run (resources no longer referenced are deleted). */
    public static final List<String> CLAMPED = List.of("resource", "account");

    /** Tables treated by a statement of their own: fixes by the run that resolved them, the runs themselves. */
    public static final List<String> BY_HAND = List.of("remediation", "scan_run");

    /** Tables that hold no run's rows: each resource's current states (rewritten by ingest), and the tools' own. */
    public static final List<String> NOT_RUN_SCOPED = List.of("resource_open_states", "flyway_schema_history");

    /** Quartz's tables (its clustered job store) all begin so; they hold jobs, not history. */
    public static final String QUARTZ_PREFIX = "qrtz_";

    private final Jdbi jdbi;
    private final WriterLock lock;

    public Retention(Jdbi jdbi, WriterLock lock) {
        this.jdbi = jdbi;
        this.lock = lock;
    }

    /**
     * Deletes runs that started before {@code cutoff}, keeping every interval that spans the cut
     * (it now starts at the first kept run). The newest run is always kept.
     *
     * @return the number of runs deleted
     */
    public int prune(Instant cutoff) {
        if (!lock.acquire(Duration.ofSeconds(5))) {
            throw new HistoryException("a scan is writing to this database; prune when it ends");
        }
        try {
            return Sql.call(() -> jdbi.inTransaction(handle -> {
                RetentionDao dao = handle.attach(RetentionDao.class);
                Long keep = dao.firstRunFrom(cutoff).or(dao::newestRun).orElse(null);
                return keep == null ? 0 : pruneBefore(dao, keep);
            }));
        } finally {
            lock.release();
        }
    }

    private int pruneBefore(RetentionDao dao, long keep) {
        for (String table : INTERVALS) {
            dao.pruneIntervals(table, keep);
            dao.clamp(table, keep);
        }
        dao.pruneRemediations(keep);
        dao.pruneResources(keep);
        for (String table : CLAMPED) {
            dao.clamp(table, keep);
        }
        for (String table : PER_RUN) {
            dao.prunePerRun(table, keep);
        }
        lock.wrote();
        return dao.pruneRuns(keep);
    }
}
