package io.atrest.sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every statement the history store runs. */
interface HistoryDao {

    // --- runs

    @SqlUpdate("""
            INSERT INTO scan_run (run_trigger, status, started_at, tool_version, policy_hash, organization_id, accounts_planned)
            VALUES (:trigger, 'RUNNING', :startedAt, :toolVersion, :policyHash, :organizationId, :accountsPlanned)""")
    @GetGeneratedKeys("id")
    long insertRun(@BindMethods RunStart start);

    @SqlUpdate("""
            UPDATE scan_run SET status = :status, finished_at = :finishedAt, accounts_done = :t.accountsDone,
                   accounts_failed = :t.accountsFailed, resources = :t.resources, collection_errors = :t.collectionErrors,
                   score = :t.score, coverage = :t.coverage, message = :t.message
            WHERE id = :id AND status = 'RUNNING'""")
    int closeRun(@Bind("id") long id, @Bind("status") String status, @Bind("finishedAt") Instant finishedAt,
                 @BindMethods("t") RunTotals totals);

    @SqlQuery("SELECT * FROM scan_run WHERE id = :id")
    @RegisterConstructorMapper(ScanRun.class)
    Optional<ScanRun> run(@Bind("id") long id);

    @SqlQuery("SELECT * FROM scan_run ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(ScanRun.class)
    List<ScanRun> recentRuns(@Bind("limit") int limit);

    // --- accounts

    @SqlQuery("SELECT last_run_id FROM account WHERE id = :id")
    Optional<Long> accountLastRun(@Bind("id") String accountId);

    @SqlUpdate("""
            INSERT INTO account (id, name, email, ou_path, tags, first_run_id, last_run_id)
            VALUES (:id, :name, :email, :ouPath, :tags, :run, :run)""")
    void insertAccount(@Bind("id") String id, @Bind("name") String name, @Bind("email") String email,
                       @Bind("ouPath") String ouPath, @Bind("tags") String tags, @Bind("run") long run);

    @SqlUpdate("""
            UPDATE account SET name = :name, email = :email, ou_path = :ouPath, tags = :tags, last_run_id = :run
            WHERE id = :id""")
    void updateAccount(@Bind("id") String id, @Bind("name") String name, @Bind("email") String email,
                       @Bind("ouPath") String ouPath, @Bind("tags") String tags, @Bind("run") long run);

    @SqlUpdate("""
            INSERT INTO run_account (run_id, account_id, status, regions, collection_errors, score, coverage, message)
            VALUES (:run, :account, :status, :regions, :errors, :score, :coverage, :message)""")
    void insertRunAccount(@Bind("run") long run, @Bind("account") String account, @Bind("status") String status,
                          @Bind("regions") String regions, @Bind("errors") int errors, @Bind("score") Double score,
                          @Bind("coverage") Double coverage, @Bind("message") String message);

    // --- resources

    @SqlQuery("SELECT arn, id FROM resource WHERE account_id = :account")
    @RegisterConstructorMapper(ResourceId.class)
    List<ResourceId> resourceIds(@Bind("account") String accountId);

    @SqlUpdate("""
            INSERT INTO resource (arn, resource_type, account_id, region, name, first_run_id, last_run_id)
            VALUES (:arn, :type, :account, :region, :name, :run, :run)""")
    @GetGeneratedKeys("id")
    long insertResource(@Bind("arn") String arn, @Bind("type") String type, @Bind("account") String account,
                        @Bind("region") String region, @Bind("name") String name, @Bind("run") long run);

    @SqlBatch("UPDATE resource SET last_run_id = :run, region = :region, name = :name WHERE id = :id")
    void touchResources(@Bind("run") long run, @Bind("id") List<Long> ids, @Bind("region") List<String> regions,
                        @Bind("name") List<String> names);

    // --- findings

    @SqlQuery("""
            SELECT id, resource_id, check_id, state_hash, last_run_id FROM finding
            WHERE account_id = :account AND is_current = TRUE""")
    @RegisterConstructorMapper(CurrentFinding.class)
    List<CurrentFinding> currentFindings(@Bind("account") String accountId);

    @SqlBatch("UPDATE finding SET last_run_id = :run WHERE id = :id")
    void extendFindings(@Bind("run") long run, @Bind("id") List<Long> ids);

    @SqlBatch("UPDATE finding SET is_current = FALSE WHERE id = :id")
    void retireFindings(@Bind("id") List<Long> ids);

    @SqlBatch("""
            INSERT INTO finding (resource_id, account_id, check_id, severity, outcome, reason, failed_operation,
                                 classification, message, evidence, state_hash, first_run_id, last_run_id, is_current)
            VALUES (:resourceId, :accountId, :checkId, :severity, :outcome, :reason, :failedOperation,
                    :classification, :message, :evidence, :stateHash, :runId, :runId, TRUE)""")
    void insertFindings(@BindMethods List<NewFinding> rows);

    @SqlQuery("""
            SELECT f.check_id, f.severity, f.outcome, f.reason, f.failed_operation,
                   r.arn AS resource_arn, r.resource_type, r.name AS resource_name, f.account_id, r.region,
                   f.classification, f.message, f.evidence, f.first_run_id, f.last_run_id
            FROM finding f
            JOIN resource r ON r.id = f.resource_id
            JOIN run_account ra ON ra.run_id = :run AND ra.account_id = f.account_id
            WHERE f.first_run_id <= :run AND f.last_run_id >= :run
            ORDER BY f.account_id, r.arn, f.check_id""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> findings(@Bind("run") long runId);

    // --- aggregates

    @SqlBatch("""
            INSERT INTO run_aggregate (run_id, account_id, check_id, severity, classification, passed, failed, not_applicable, not_evaluated)
            VALUES (:runId, :accountId, :checkId, :severity, :classification, :passed, :failed, :notApplicable, :notEvaluated)""")
    void insertAggregates(@BindMethods List<Aggregate> rows);

    @SqlQuery("""
            SELECT severity, SUM(passed) AS passed, SUM(failed) AS failed, SUM(not_applicable) AS not_applicable,
                   SUM(not_evaluated) AS not_evaluated
            FROM run_aggregate WHERE run_id = :run GROUP BY severity""")
    @RegisterConstructorMapper(OutcomeCount.class)
    List<OutcomeCount> outcomeCounts(@Bind("run") long runId);

    @SqlQuery("SELECT COUNT(*) FROM run_account WHERE run_id = :run")
    int accountsStored(@Bind("run") long runId);

    /** Resource ids by ARN. */
    record ResourceId(String arn, long id) {}

    /** The newest state row of one (resource, check). */
    record CurrentFinding(long id, long resourceId, String checkId, String stateHash, long lastRunId) {}

    /** A finding row as read back, evidence still JSON text. */
    record FindingRow(String checkId, String severity, String outcome, String reason, String failedOperation,
                      String resourceArn, String resourceType, String resourceName, String accountId, String region,
                      String classification, String message, String evidence, long firstRunId, long lastRunId) {}

    /** A new state row. */
    record NewFinding(long resourceId, String accountId, String checkId, String severity, String outcome, String reason,
                      String failedOperation, String classification, String message, String evidence, String stateHash,
                      long runId) {}

    /** One run_aggregate row. */
    record Aggregate(long runId, String accountId, String checkId, String severity, String classification,
                     int passed, int failed, int notApplicable, int notEvaluated) {}
}
