package io.atrest.sql.cluster;

import io.atrest.sql.ScanRun;
import io.atrest.sql.ScoreFormula;
import io.atrest.sql.Weights;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of clustered runs: their account work, and their closing. */
interface ClusterRunDao {

    @SqlBatch("INSERT INTO run_work (run_id, account_id, status, updated_at) VALUES (:run, :account, 'PENDING', :now)")
    void insertWork(@Bind("run") long runId, @Bind("account") List<String> accountIds, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM run_account WHERE run_id = :run AND account_id = :account")
    int stored(@Bind("run") long runId, @Bind("account") String accountId);

    @SqlQuery("SELECT COUNT(*) FROM run_part WHERE run_id = :run AND part = :part")
    int hasPart(@Bind("run") long runId, @Bind("part") String part);

    @SqlUpdate("""
            INSERT INTO run_part (run_id, part, scan_status, regions, errors, message, document)
            VALUES (:run, :p.accountId, :p.status, :regions, :p.errors, :p.message, :document)""")
    int insertPart(@Bind("run") long runId, @BindMethods("p") CollectedPart part, @Bind("regions") String regions,
                   @Bind("document") byte[] document);

    @SqlUpdate("INSERT INTO run_part (run_id, part, document) VALUES (:run, 'organization', :document)")
    int insertOrganizationPart(@Bind("run") long runId, @Bind("document") byte[] document);

    @SqlQuery("SELECT document FROM run_part WHERE run_id = :run AND part = 'organization'")
    java.util.Optional<byte[]> organizationPart(@Bind("run") long runId);

    @SqlQuery("SELECT part FROM run_part WHERE run_id = :run AND part <> 'organization' ORDER BY part")
    List<String> collectedAccounts(@Bind("run") long runId);

    @SqlQuery("SELECT part AS account_id, scan_status AS status, regions, errors, message, document FROM run_part "
            + "WHERE run_id = :run AND part = :account")
    @RegisterConstructorMapper(PartRow.class)
    java.util.Optional<PartRow> part(@Bind("run") long runId, @Bind("account") String accountId);

    @SqlUpdate("DELETE FROM run_part WHERE run_id = :run")
    int deleteParts(@Bind("run") long runId);

    @SqlQuery("SELECT account_id FROM run_account WHERE run_id = :run")
    java.util.Set<String> storedAccounts(@Bind("run") long runId);

    record PartRow(String accountId, String status, String regions, Integer errors, String message, byte[] document) {}

    /** Claims work that is pending, or running on a node that died (a recovered job). */
    @SqlUpdate("""
            UPDATE run_work SET status = 'RUNNING', node = :node, attempts = attempts + 1, updated_at = :now
            WHERE run_id = :run AND account_id = :account AND status IN ('PENDING', 'RUNNING')""")
    int claim(@Bind("run") long runId, @Bind("account") String accountId, @Bind("node") String node, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE run_work SET status = :status, message = :message, updated_at = :now
            WHERE run_id = :run AND account_id = :account""")
    int finish(@Bind("run") long runId, @Bind("account") String accountId, @Bind("status") String status,
               @Bind("message") String message, @Bind("now") Instant now);

    /** Ends work only while this node still holds it: a node taken for dead that wakes up changes nothing. */
    @SqlUpdate("""
            UPDATE run_work SET status = :status, message = :message, updated_at = :now
            WHERE run_id = :run AND account_id = :account AND status = 'RUNNING' AND node = :node""")
    int finishOwn(@Bind("run") long runId, @Bind("account") String accountId, @Bind("node") String node,
                  @Bind("status") String status, @Bind("message") String message, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM run_work WHERE run_id = :run AND status IN ('PENDING', 'RUNNING')")
    int unfinished(@Bind("run") long runId);

    @SqlQuery("SELECT run_id, account_id, status, node, attempts, message FROM run_work WHERE run_id = :run ORDER BY account_id")
    @RegisterConstructorMapper(AccountWork.class)
    List<AccountWork> work(@Bind("run") long runId);

    @SqlQuery("SELECT * FROM scan_run WHERE status = 'RUNNING' AND run_trigger = 'CLUSTER' ORDER BY id")
    @RegisterConstructorMapper(ScanRun.class)
    List<ScanRun> runningClusterRuns();

    /** The run's totals from what its accounts stored; score and coverage as every trend computes them. */
    @SqlQuery("SELECT "
            + "(SELECT COUNT(*) FROM run_account WHERE run_id = :run AND status <> 'FAILED') AS accounts_done,"
            + "(SELECT COUNT(*) FROM run_work WHERE run_id = :run AND status = 'FAILED') AS accounts_failed,"
            + "(SELECT COALESCE(SUM(collection_errors), 0) FROM run_account WHERE run_id = :run)"
            + " + (SELECT COUNT(*) FROM collection_error WHERE run_id = :run AND account_id IS NULL) AS collection_errors,"
            + "(SELECT COUNT(*) FROM run_account WHERE run_id = :run AND status = 'PARTIAL') AS accounts_partial,"
            + ScoreFormula.SCORE_AND_COVERAGE
            + " COUNT(*) AS aggregates"
            + " FROM run_aggregate a WHERE a.run_id = :run")
    @RegisterConstructorMapper(ClusterRunTotals.class)
    ClusterRunTotals totals(@Bind("run") long runId, @BindMethods("w") Weights weights);

    @SqlUpdate("""
            UPDATE scan_run SET status = :status, finished_at = :finishedAt, accounts_done = :t.accountsDone,
                   accounts_failed = :t.accountsFailed, collection_errors = :t.collectionErrors,
                   score = :t.score, coverage = :t.coverage, message = :message
            WHERE id = :id AND status = 'RUNNING'""")
    int close(@Bind("id") long id, @Bind("status") String status, @Bind("finishedAt") Instant finishedAt,
              @BindMethods("t") ClusterRunTotals totals, @Bind("message") String message);

    @SqlUpdate("""
            UPDATE scan_run SET status = 'ABANDONED', finished_at = :now, message = :reason
            WHERE id = :id AND status = 'RUNNING'""")
    int abandon(@Bind("id") long id, @Bind("reason") String reason, @Bind("now") Instant now);

    /** Quartz's node check-ins (its qrtz_scheduler_state table, created by migration V3). */
    @SqlQuery("SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state WHERE sched_name = :scheduler ORDER BY instance_name")
    @RegisterConstructorMapper(NodeRow.class)
    List<NodeRow> nodes(@Bind("scheduler") String scheduler);

    record NodeRow(String instanceName, long lastCheckinTime, long checkinInterval) {}

    record ClusterRunTotals(int accountsDone, int accountsFailed, int collectionErrors, int accountsPartial, Double score,
                            Double coverage, long aggregates) {}
}
