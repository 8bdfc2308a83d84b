package io.atrest.sql.run;

import io.atrest.sql.RunStart;
import io.atrest.sql.RunTotals;
import io.atrest.sql.ScanRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of the run log: scan_run rows, and the totals a run gets when it closes. */
@RegisterConstructorMapper(ScanRun.class)
public interface RunDao {

    /**
     * The next run id after the highest stored, not the identity sequence: a run refused and
     * discarded gives its id back, so run ids count the runs that started (callers hold the
     * writer lock, so no two runs are inserted at once).
     */
    @SqlUpdate("""
            INSERT INTO scan_run (id, run_trigger, status, started_at, tool_version, policy_hash, organization_id, accounts_planned)
            SELECT COALESCE(MAX(id), 0) + 1, :trigger, 'RUNNING', :startedAt, :toolVersion, :policyHash, :organizationId,
                   :accountsPlanned FROM scan_run""")
    @GetGeneratedKeys("id")
    long insertRun(@BindMethods RunStart start);

    @SqlUpdate("""
            UPDATE scan_run SET status = :status, finished_at = :finishedAt, accounts_done = :t.accountsDone,
                   accounts_failed = :t.accountsFailed, resources = :t.resources, collection_errors = :t.collectionErrors,
                   score = :t.score, coverage = :t.coverage, message = :t.message
            WHERE id = :id AND status = 'RUNNING'""")
    int closeRun(@Bind("id") long id, @Bind("status") String status, @Bind("finishedAt") Instant finishedAt,
                 @BindMethods("t") RunTotals totals);

    @SqlUpdate("DELETE FROM scan_run WHERE id = :id AND NOT EXISTS (SELECT 1 FROM run_account WHERE run_id = :id)")
    int discardRun(@Bind("id") long id);

    @SqlUpdate("UPDATE scan_run SET organization_id = :org, accounts_planned = :planned WHERE id = :id")
    void planRun(@Bind("id") long id, @Bind("org") String organizationId, @Bind("planned") int accountsPlanned);

    @SqlUpdate("""
            UPDATE scan_run SET status = 'ABANDONED', finished_at = :now,
                   message = 'the process stopped before the run closed; left out of every trend'
            WHERE status = 'RUNNING' AND run_trigger <> 'CLUSTER'""")
    int abandonRunning(@Bind("now") Instant now);

    @SqlQuery("SELECT * FROM scan_run WHERE id = :id")
    Optional<ScanRun> run(@Bind("id") long id);

    @SqlQuery("SELECT * FROM scan_run ORDER BY id DESC LIMIT :limit")
    List<ScanRun> recentRuns(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM scan_run WHERE status IN ('COMPLETE', 'PARTIAL') ORDER BY id DESC LIMIT :limit")
    List<ScanRun> recentStoredRuns(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM scan_run WHERE status IN ('COMPLETE', 'PARTIAL') AND id < :run ORDER BY id DESC LIMIT 1")
    Optional<ScanRun> storedRunBefore(@Bind("run") long runId);

    @SqlQuery("""
            SELECT * FROM scan_run WHERE status IN ('COMPLETE', 'PARTIAL') AND started_at <= :at
            ORDER BY started_at DESC, id DESC LIMIT 1""")
    Optional<ScanRun> lastStoredRunAt(@Bind("at") Instant at);

    @SqlQuery("SELECT * FROM scan_run WHERE run_trigger = :trigger ORDER BY id DESC LIMIT 1")
    Optional<ScanRun> lastRunOf(@Bind("trigger") String trigger);

    @SqlQuery("SELECT MIN(started_at) FROM scan_run WHERE status IN ('COMPLETE', 'PARTIAL')")
    Optional<Instant> firstStoredRunStart();

    @SqlQuery("SELECT * FROM scan_run WHERE status = 'RUNNING' ORDER BY id")
    List<ScanRun> runningRuns();

    @SqlUpdate("""
            INSERT INTO run_total (run_id, severity, classification, passed, failed, not_applicable, not_evaluated, suppressed)
            SELECT run_id, severity, classification, SUM(passed), SUM(failed), SUM(not_applicable), SUM(not_evaluated),
                   SUM(suppressed)
            FROM run_rollup WHERE run_id = :run GROUP BY run_id, severity, classification""")
    void insertRunTotals(@Bind("run") long runId);

    @SqlUpdate("""
            INSERT INTO run_ou_total (run_id, ou_path, severity, classification, passed, failed, not_applicable, not_evaluated, suppressed)
            SELECT run_id, ou_path, severity, classification, SUM(passed), SUM(failed), SUM(not_applicable), SUM(not_evaluated),
                   SUM(suppressed)
            FROM run_rollup WHERE run_id = :run GROUP BY run_id, ou_path, severity, classification""")
    void insertOuTotals(@Bind("run") long runId);

    @SqlUpdate("""
            INSERT INTO run_check_total (run_id, check_id, severity, classification, passed, failed, not_applicable, not_evaluated, suppressed)
            SELECT run_id, check_id, severity, classification, SUM(passed), SUM(failed), SUM(not_applicable), SUM(not_evaluated),
                   SUM(suppressed)
            FROM run_aggregate WHERE run_id = :run GROUP BY run_id, check_id, severity, classification""")
    void insertCheckTotals(@Bind("run") long runId);

    /** The totals trends and reports read, summed once when a run closes. */
    default void insertTotals(long runId) {
        insertRunTotals(runId);
        insertOuTotals(runId);
        insertCheckTotals(runId);
    }
}
