package io.atrest.sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every statement the history store runs. Valid on H2 and PostgreSQL alike. */
interface HistoryDao {

    // ---------------------------------------------------------------- runs

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
    @RegisterConstructorMapper(ScanRun.class)
    Optional<ScanRun> run(@Bind("id") long id);

    @SqlQuery("SELECT * FROM scan_run ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(ScanRun.class)
    List<ScanRun> recentRuns(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM scan_run WHERE status IN ('COMPLETE', 'PARTIAL') ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(ScanRun.class)
    List<ScanRun> recentStoredRuns(@Bind("limit") int limit);

    @SqlQuery("""
            SELECT * FROM scan_run WHERE status IN ('COMPLETE', 'PARTIAL') AND started_at <= :at
            ORDER BY started_at DESC, id DESC LIMIT 1""")
    @RegisterConstructorMapper(ScanRun.class)
    Optional<ScanRun> lastStoredRunAt(@Bind("at") Instant at);

    @SqlQuery("SELECT * FROM scan_run WHERE run_trigger = :trigger ORDER BY id DESC LIMIT 1")
    @RegisterConstructorMapper(ScanRun.class)
    Optional<ScanRun> lastRunOf(@Bind("trigger") String trigger);

    @SqlQuery("SELECT MIN(started_at) FROM scan_run WHERE status IN ('COMPLETE', 'PARTIAL')")
    Optional<Instant> firstStoredRunStart();

    @SqlQuery("SELECT * FROM scan_run WHERE status = 'RUNNING' ORDER BY id")
    @RegisterConstructorMapper(ScanRun.class)
    List<ScanRun> runningRuns();

    // ---------------------------------------------------------------- accounts

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

    @SqlQuery("SELECT id, name, email, ou_path, tags FROM account_state WHERE account_id = :id AND last_run_id IS NULL")
    @RegisterConstructorMapper(AccountStateRow.class)
    Optional<AccountStateRow> currentAccountState(@Bind("id") String accountId);

    @SqlUpdate("UPDATE account_state SET last_run_id = :last WHERE id = :id")
    void closeAccountState(@Bind("id") long id, @Bind("last") long lastRunId);

    @SqlUpdate("""
            INSERT INTO account_state (account_id, name, email, ou_path, tags, first_run_id)
            VALUES (:id, :name, :email, :ouPath, :tags, :run)""")
    void insertAccountState(@Bind("id") String id, @Bind("name") String name, @Bind("email") String email,
                            @Bind("ouPath") String ouPath, @Bind("tags") String tags, @Bind("run") long run);

    @SqlUpdate("""
            INSERT INTO run_account (run_id, account_id, ou_path, status, regions, collection_errors, score, coverage, message)
            VALUES (:run, :account, :ouPath, :status, :regions, :errors, :score, :coverage, :message)""")
    void insertRunAccount(@Bind("run") long run, @Bind("account") String account, @Bind("ouPath") String ouPath,
                          @Bind("status") String status, @Bind("regions") String regions, @Bind("errors") int errors,
                          @Bind("score") Double score, @Bind("coverage") Double coverage, @Bind("message") String message);

    @SqlQuery("SELECT COUNT(*) FROM run_account WHERE run_id = :run")
    int accountsStored(@Bind("run") long runId);

    // ---------------------------------------------------------------- resources

    @SqlQuery("SELECT id, arn, resource_type, region, last_run_id, state_digest, quick_digest, attributes_hash FROM resource WHERE account_id = :account")
    @RegisterConstructorMapper(ResourceRow.class)
    List<ResourceRow> resources(@Bind("account") String accountId);

    @SqlUpdate("""
            INSERT INTO resource (arn, resource_type, account_id, region, name, first_run_id)
            VALUES (:arn, :type, :account, :region, :name, :run)""")
    @GetGeneratedKeys("id")
    long insertResource(@Bind("arn") String arn, @Bind("type") String type, @Bind("account") String account,
                        @Bind("region") String region, @Bind("name") String name, @Bind("run") long run);

    @SqlBatch("UPDATE resource SET last_run_id = NULL WHERE id = :id")
    void reopenResources(@Bind("id") List<Long> ids);

    @SqlBatch("UPDATE resource_state SET last_run_id = :last WHERE resource_id = :id AND last_run_id IS NULL")
    void closeAttributes(@Bind("last") long lastRunId, @Bind("id") List<Long> resourceIds);

    @SqlBatch("INSERT INTO resource_state (resource_id, attributes, first_run_id) VALUES (:id, :attributes, :run)")
    void insertAttributes(@Bind("id") List<Long> resourceIds, @Bind("attributes") List<String> attributes, @Bind("run") long runId);

    @SqlBatch("UPDATE resource SET attributes_hash = :hash WHERE id = :id")
    void setAttributeHashes(@Bind("id") List<Long> ids, @Bind("hash") List<Long> hashes);

    @SqlQuery("""
            SELECT s.id, s.resource_id, s.attributes, s.first_run_id, s.last_run_id
            FROM resource_state s JOIN resource r ON r.id = s.resource_id
            WHERE r.arn = :arn ORDER BY s.first_run_id""")
    @RegisterConstructorMapper(AttributeRow.class)
    List<AttributeRow> attributeHistory(@Bind("arn") String arn);

    @SqlBatch("UPDATE resource SET state_digest = :digest, quick_digest = :quick WHERE id = :id")
    void setDigests(@Bind("id") List<Long> ids, @Bind("digest") List<Long> digests, @Bind("quick") List<Long> quickDigests);

    @SqlBatch("UPDATE resource SET quick_digest = :quick WHERE id = :id")
    void setQuickDigests(@Bind("id") List<Long> ids, @Bind("quick") List<Long> quickDigests);

    @SqlBatch("UPDATE resource SET last_run_id = :last WHERE id = :id")
    void closeResources(@Bind("last") long lastRunId, @Bind("id") List<Long> ids);

    // ---------------------------------------------------------------- findings

    /** The current finding states of these resources, one row per resource (V5). */
    @SqlQuery("SELECT resource_id, states FROM resource_open_states WHERE resource_id IN (<resources>)")
    @RegisterConstructorMapper(OpenStatesRow.class)
    List<OpenStatesRow> openStatesOf(@BindList("resources") List<Long> resourceIds);

    /** Every resource's current finding states: one short row per live resource. */
    @SqlQuery("SELECT resource_id, states FROM resource_open_states")
    @RegisterConstructorMapper(OpenStatesRow.class)
    List<OpenStatesRow> allOpenStates();

    @SqlBatch("INSERT INTO resource_open_states (resource_id, states) VALUES (:resourceId, :states)")
    void insertOpenStates(@BindMethods List<OpenStatesRow> rows);

    @SqlBatch("UPDATE resource_open_states SET states = :states WHERE resource_id = :resourceId")
    void updateOpenStates(@BindMethods List<OpenStatesRow> rows);

    @SqlBatch("DELETE FROM resource_open_states WHERE resource_id = :id")
    void deleteOpenStates(@Bind("id") List<Long> resourceIds);

    /** Severity and classification of finding states by id: what a remediation of a vanished finding records. */
    @SqlQuery("SELECT id, severity, classification FROM finding WHERE id IN (<ids>)")
    @RegisterConstructorMapper(FindingLabels.class)
    List<FindingLabels> labelsOf(@BindList("ids") List<Long> findingIds);

    @SqlBatch("UPDATE finding SET last_run_id = :last WHERE id = :id")
    void closeFindings(@Bind("last") long lastRunId, @Bind("id") List<Long> ids);

    @SqlBatch("""
            INSERT INTO finding (resource_id, account_id, check_id, severity, outcome, reason, failed_operation,
                                 classification, message, evidence, state_hash, failing_since, first_run_id)
            VALUES (:resourceId, :accountId, :checkId, :severity, :outcome, :reason, :failedOperation,
                    :classification, :message, :evidence, :stateHash, :failingSince, :runId)""")
    @GetGeneratedKeys("id")
    long[] insertFindings(@BindMethods List<NewFinding> rows);

    @SqlBatch("""
            INSERT INTO remediation (account_id, resource_id, check_id, severity, classification, failing_since,
                                     resolved_run_id, resolved_at, seconds_open)
            VALUES (:accountId, :resourceId, :checkId, :severity, :classification, :failingSince, :resolvedRunId,
                    :resolvedAt, :secondsOpen)""")
    void insertRemediations(@BindMethods List<Remediation> rows);

    String FINDING_COLUMNS = """
            f.check_id, f.severity, f.outcome, f.reason, f.failed_operation,
            r.arn AS resource_arn, r.resource_type, r.name AS resource_name, f.account_id, r.region,
            f.classification, f.message, f.evidence, f.first_run_id, f.last_run_id, f.failing_since""";

    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM finding f
            JOIN resource r ON r.id = f.resource_id
            JOIN run_account ra ON ra.run_id = :run AND ra.account_id = f.account_id
            WHERE f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)
            ORDER BY f.account_id, r.arn, f.check_id""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> findings(@Bind("run") long runId);

    /**
     * Finding states that began after run a, up to run b: one range of finding_first_run. The
     * finding table alone: joined to resource, H2 scans every resource and its findings instead.
     */
    @SqlQuery("""
            SELECT resource_id, account_id, check_id, severity, outcome, classification, message, first_run_id, last_run_id
            FROM finding WHERE first_run_id > :a AND first_run_id <= :b""")
    @RegisterConstructorMapper(StateRow.class)
    List<StateRow> statesBegunBetween(@Bind("a") long a, @Bind("b") long b);

    /** Finding states that ended from run a on, before run b: one range of finding_last_run. */
    @SqlQuery("""
            SELECT resource_id, account_id, check_id, severity, outcome, classification, message, first_run_id, last_run_id
            FROM finding WHERE last_run_id >= :a AND last_run_id < :b""")
    @RegisterConstructorMapper(StateRow.class)
    List<StateRow> statesEndedBetween(@Bind("a") long a, @Bind("b") long b);

    @SqlQuery("SELECT id, arn, resource_type, region FROM resource WHERE id IN (<ids>)")
    @RegisterConstructorMapper(ResourceName.class)
    List<ResourceName> resourcesById(@BindList("ids") List<Long> ids);

    /** The first run in which a finding failed: whether a finding failing now had failed before (one finding_key seek). */
    @SqlQuery("SELECT MIN(first_run_id) FROM finding WHERE resource_id = :resource AND check_id = :check AND outcome = 'FAIL'")
    Optional<Long> firstFailure(@Bind("resource") long resourceId, @Bind("check") String checkId);

    /** The failing findings of a run: what was open at that moment. */
    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM finding f
            JOIN resource r ON r.id = f.resource_id
            JOIN run_account ra ON ra.run_id = :run AND ra.account_id = f.account_id
            WHERE f.outcome = 'FAIL' AND f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)
            ORDER BY f.account_id, r.arn, f.check_id""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> failingFindings(@Bind("run") long runId);

    @SqlQuery("SELECT COUNT(*) FROM finding")
    long findingStates();

    @SqlQuery("SELECT account_id FROM run_account WHERE run_id = :run")
    List<String> accountsOf(@Bind("run") long runId);

    // ---------------------------------------------------------------- aggregates and trends

    @SqlBatch("""
            INSERT INTO run_aggregate (run_id, account_id, ou_path, check_id, severity, classification, passed, failed,
                                       not_applicable, not_evaluated)
            VALUES (:runId, :accountId, :ouPath, :checkId, :severity, :classification, :passed, :failed,
                    :notApplicable, :notEvaluated)""")
    void insertAggregates(@BindMethods List<Aggregate> rows);

    @SqlBatch("""
            INSERT INTO run_rollup (run_id, account_id, ou_path, severity, classification, passed, failed, not_applicable,
                                    not_evaluated)
            VALUES (:runId, :accountId, :ouPath, :severity, :classification, :passed, :failed, :notApplicable, :notEvaluated)""")
    void insertRollups(@BindMethods List<Aggregate> rows);

    @SqlQuery("""
            SELECT severity, SUM(passed) AS passed, SUM(failed) AS failed, SUM(not_applicable) AS not_applicable,
                   SUM(not_evaluated) AS not_evaluated
            FROM run_aggregate WHERE run_id = :run GROUP BY severity""")
    @RegisterConstructorMapper(OutcomeCount.class)
    List<OutcomeCount> outcomeCounts(@Bind("run") long runId);

    String WEIGHT = """
            (CASE a.severity WHEN 'CRITICAL' THEN :w.critical WHEN 'HIGH' THEN :w.high WHEN 'MEDIUM' THEN :w.medium
                             WHEN 'LOW' THEN :w.low ELSE :w.info END)""";

    /** Every score's formula, 100 x passed weight / evaluated weight, and coverage, over run_aggregate rows "a". */
    String SCORE_AND_COVERAGE = " CASE WHEN SUM((a.passed + a.failed) * " + WEIGHT + ") = 0 THEN NULL"
            + "      ELSE 100.0 * CAST(SUM(a.passed * " + WEIGHT + ") AS DOUBLE PRECISION)"
            + "           / CAST(SUM((a.passed + a.failed) * " + WEIGHT + ") AS DOUBLE PRECISION) END AS score,"
            // In floating point: summed BIGINT counts are NUMERIC in H2, and NUMERIC division keeps few decimals.
            + " CASE WHEN SUM(a.passed + a.failed + a.not_evaluated) = 0 THEN NULL"
            + "      ELSE CAST(SUM(a.passed + a.failed) AS DOUBLE PRECISION)"
            + "           / CAST(SUM(a.passed + a.failed + a.not_evaluated) AS DOUBLE PRECISION) END AS coverage,";

    /** Per run and severity, the sums a trend weighs: the weights' CASE then runs on four rows per run. */
    String TREND_SELECT = "SELECT a.run_id, a.started_at," + SCORE_AND_COVERAGE
            + " SUM(a.passed) AS passed, SUM(a.failed) AS failed, SUM(a.not_evaluated) AS not_evaluated FROM"
            + " (SELECT r.id AS run_id, r.started_at, x.severity, SUM(x.passed) AS passed, SUM(x.failed) AS failed,"
            + "         SUM(x.not_evaluated) AS not_evaluated";
    String TREND_RUNS = " WHERE r.status IN ('COMPLETE', 'PARTIAL') AND r.started_at >= :since";
    String TREND_END = " GROUP BY r.id, r.started_at, x.severity) a GROUP BY a.run_id, a.started_at ORDER BY a.started_at, a.run_id";

    @SqlQuery(TREND_SELECT + " FROM scan_run r JOIN run_total x ON x.run_id = r.id" + TREND_RUNS + TREND_END)
    @RegisterConstructorMapper(TrendPoint.class)
    List<TrendPoint> organizationTrend(@Bind("since") Instant since, @BindMethods("w") Weights weights);

    @SqlQuery(TREND_SELECT + " FROM scan_run r JOIN run_total x ON x.run_id = r.id" + TREND_RUNS
            + " AND x.classification = :classification" + TREND_END)
    @RegisterConstructorMapper(TrendPoint.class)
    List<TrendPoint> classificationTrend(@Bind("classification") String classification, @Bind("since") Instant since,
                                         @BindMethods("w") Weights weights);

    @SqlQuery(TREND_SELECT + " FROM scan_run r JOIN run_ou_total x ON x.run_id = r.id" + TREND_RUNS
            + " AND (x.ou_path = :ouPath OR x.ou_path LIKE :ouPrefix)" + TREND_END)
    @RegisterConstructorMapper(TrendPoint.class)
    List<TrendPoint> ouTrend(@Bind("ouPath") String ouPath, @Bind("ouPrefix") String ouPrefix, @Bind("since") Instant since,
                             @BindMethods("w") Weights weights);

    /** One account's rows of each run: run_rollup's key begins (run_id, account_id). */
    @SqlQuery(TREND_SELECT + " FROM scan_run r JOIN run_rollup x ON x.run_id = r.id" + TREND_RUNS
            + " AND x.account_id = :account" + TREND_END)
    @RegisterConstructorMapper(TrendPoint.class)
    List<TrendPoint> accountTrend(@Bind("account") String accountId, @Bind("since") Instant since,
                                  @BindMethods("w") Weights weights);

    /** Any other combination of scope filters, from run_rollup. */
    @SqlQuery(TREND_SELECT + " FROM scan_run r JOIN run_rollup x ON x.run_id = r.id" + TREND_RUNS
            + " AND (CAST(:s.accountId AS VARCHAR(12)) IS NULL OR x.account_id = :s.accountId)"
            + " AND (CAST(:s.ouPath AS VARCHAR(2000)) IS NULL OR x.ou_path = :s.ouPath OR x.ou_path LIKE :ouPrefix)"
            + " AND (CAST(:s.classification AS VARCHAR(64)) IS NULL OR x.classification = :s.classification)" + TREND_END)
    @RegisterConstructorMapper(TrendPoint.class)
    List<TrendPoint> trend(@BindMethods("s") TrendScope scope, @Bind("ouPrefix") String ouPrefix,
                           @Bind("since") Instant since, @BindMethods("w") Weights weights);

    @SqlQuery("SELECT a.ou_path AS scope,"
            + SCORE_AND_COVERAGE
            + " SUM(a.failed) AS failed"
            + " FROM run_aggregate a WHERE a.run_id = :run GROUP BY a.ou_path ORDER BY a.ou_path")
    @RegisterConstructorMapper(ScopeScore.class)
    List<ScopeScore> ouScores(@Bind("run") long runId, @BindMethods("w") Weights weights);

    @SqlQuery("""
            SELECT ra.account_id AS scope, ra.score, ra.coverage,
                   (SELECT COALESCE(SUM(a.failed), 0) FROM run_aggregate a WHERE a.run_id = ra.run_id AND a.account_id = ra.account_id) AS failed
            FROM run_account ra WHERE ra.run_id = :run ORDER BY ra.score, ra.account_id""")
    @RegisterConstructorMapper(ScopeScore.class)
    List<ScopeScore> accountScores(@Bind("run") long runId);

    @SqlQuery("""
            SELECT check_id,
                   CASE MAX(CASE WHEN failed = 0 THEN 0 WHEN severity = 'CRITICAL' THEN 5 WHEN severity = 'HIGH' THEN 4
                                 WHEN severity = 'MEDIUM' THEN 3 WHEN severity = 'LOW' THEN 2 ELSE 1 END)
                        WHEN 5 THEN 'CRITICAL' WHEN 4 THEN 'HIGH' WHEN 3 THEN 'MEDIUM' WHEN 2 THEN 'LOW' ELSE 'INFO' END AS severity,
                   SUM(failed) AS failed, SUM(passed + failed) AS evaluated
            FROM run_aggregate WHERE run_id = :run
            GROUP BY check_id HAVING SUM(failed) > 0
            ORDER BY SUM(failed) DESC, check_id LIMIT :limit""")
    @RegisterConstructorMapper(CheckFailures.class)
    List<CheckFailures> topFailingChecks(@Bind("run") long runId, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT r.id AS run_id, r.started_at,
                   SUM(CASE WHEN a.check_id = 'kms-pending-deletion-in-use' THEN a.failed ELSE 0 END) AS pending_deletion_in_use,
                   SUM(CASE WHEN a.check_id = 'kms-disabled-in-use' THEN a.failed ELSE 0 END) AS disabled_in_use
            FROM scan_run r JOIN run_check_total a ON a.run_id = r.id
            WHERE r.status IN ('COMPLETE', 'PARTIAL') AND r.started_at >= :since
              AND a.check_id IN ('kms-pending-deletion-in-use', 'kms-disabled-in-use')
            GROUP BY r.id, r.started_at ORDER BY r.started_at, r.id""")
    @RegisterConstructorMapper(KeysAtRisk.class)
    List<KeysAtRisk> keysAtRisk(@Bind("since") Instant since);

    /** From the per-run counts (V7): total seconds over total fixes is the mean of the fixes' times. */
    @SqlQuery("""
            SELECT m.severity, SUM(m.findings) AS remediated, SUM(m.seconds_open) / 86400.0 / SUM(m.findings) AS mean_days
            FROM run_remediated m JOIN scan_run s ON s.id = m.run_id
            WHERE s.started_at >= :since
            GROUP BY m.severity
            ORDER BY CASE m.severity WHEN 'CRITICAL' THEN 1 WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 3 WHEN 'LOW' THEN 4 ELSE 5 END""")
    @RegisterConstructorMapper(RemediationTime.class)
    List<RemediationTime> remediationTimes(@Bind("since") Instant since);

    @SqlQuery("SELECT r.arn AS resource_arn, r.resource_type, m.account_id, r.region, m.check_id, m.severity, m.classification,"
            + " m.failing_since, m.resolved_at, m.resolved_run_id"
            + """
             FROM remediation m JOIN resource r ON r.id = m.resource_id
            WHERE m.resolved_at >= :since ORDER BY m.resolved_at DESC, r.arn""")
    @RegisterConstructorMapper(ResolvedFinding.class)
    List<ResolvedFinding> resolvedSince(@Bind("since") Instant since);

    // ---------------------------------------------------------------- what the reports read

    @SqlQuery("""
            SELECT account_id AS scope, severity, SUM(failed) AS failed
            FROM run_aggregate WHERE run_id = :run
            GROUP BY account_id, severity""")
    @RegisterConstructorMapper(SeverityCount.class)
    List<SeverityCount> failuresBySeverity(@Bind("run") long runId);

    /** Failing streaks that began each day (new and regressed findings), counted when each run stored them. */
    @SqlQuery("""
            SELECT CAST(s.started_at AS DATE) AS on_day, SUM(n.findings) AS events
            FROM run_new_failures n JOIN scan_run s ON s.id = n.run_id
            WHERE s.started_at >= :since
            GROUP BY CAST(s.started_at AS DATE) ORDER BY on_day""")
    @RegisterConstructorMapper(DailyCount.class)
    List<DailyCount> newFailuresByDay(@Bind("since") Instant since);

    @SqlQuery("""
            SELECT CAST(s.started_at AS DATE) AS on_day, SUM(m.findings) AS events
            FROM run_remediated m JOIN scan_run s ON s.id = m.run_id
            WHERE s.started_at >= :since
            GROUP BY CAST(s.started_at AS DATE) ORDER BY on_day""")
    @RegisterConstructorMapper(DailyCount.class)
    List<DailyCount> remediatedByDay(@Bind("since") Instant since);

    @SqlQuery("""
            SELECT r.id AS run_id, r.started_at, a.classification, SUM(a.passed) AS passed, SUM(a.passed + a.failed) AS evaluated
            FROM scan_run r JOIN run_check_total a ON a.run_id = r.id
            WHERE r.status IN ('COMPLETE', 'PARTIAL') AND r.started_at >= :since
              AND a.check_id IN (<checks>) AND a.classification <> ''
            GROUP BY r.id, r.started_at, a.classification
            ORDER BY r.started_at, r.id, a.classification""")
    @RegisterConstructorMapper(LevelProtection.class)
    List<LevelProtection> levelProtection(@Bind("since") Instant since, @BindList("checks") List<String> keyTierChecks);

    @SqlQuery("""
            SELECT ra.account_id, a.name, ra.ou_path, ra.status, ra.regions, ra.collection_errors, ra.score, ra.coverage, ra.message
            FROM run_account ra JOIN account a ON a.id = ra.account_id
            WHERE ra.run_id = :run ORDER BY ra.ou_path, ra.account_id""")
    @RegisterConstructorMapper(AccountCoverage.class)
    List<AccountCoverage> accountCoverage(@Bind("run") long runId);

    @SqlQuery("""
            SELECT account_id, check_id, reason, failed_operation, SUM(findings) AS findings
            FROM run_not_evaluated WHERE run_id = :run
            GROUP BY account_id, check_id, reason, failed_operation
            ORDER BY account_id, check_id""")
    @RegisterConstructorMapper(NotEvaluatedReason.class)
    List<NotEvaluatedReason> notEvaluatedReasons(@Bind("run") long runId);

    @SqlBatch("""
            INSERT INTO run_not_evaluated (run_id, account_id, check_id, reason, failed_operation, findings)
            VALUES (:runId, :accountId, :checkId, :reason, :failedOperation, :findings)""")
    void insertNotEvaluated(@BindMethods List<NotEvaluatedCount> rows);

    @SqlBatch("""
            INSERT INTO run_remediated (run_id, account_id, severity, findings, seconds_open)
            VALUES (:runId, :accountId, :severity, :findings, :secondsOpen)""")
    void insertRemediated(@BindMethods List<RemediatedCount> rows);


    @SqlUpdate("INSERT INTO run_new_failures (run_id, account_id, findings) VALUES (:run, :account, :findings)")
    void insertNewFailures(@Bind("run") long runId, @Bind("account") String accountId, @Bind("findings") int findings);

    /** The failing findings of one account in a run, reached through the account's resources. */
    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM resource r JOIN finding f ON f.resource_id = r.id
            WHERE r.account_id = :account AND f.outcome = 'FAIL'
              AND f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)
            ORDER BY r.arn, f.check_id""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> failingFindingsOfAccount(@Bind("run") long runId, @Bind("account") String accountId);

    @SqlQuery("SELECT COUNT(*) FROM scan_run WHERE id > :run")
    int runsAfter(@Bind("run") long runId);

    @SqlQuery("SELECT id FROM resource WHERE resource_type = :type ORDER BY id")
    List<Long> resourcesOfType(@Bind("type") String resourceType);

    @SqlQuery("SELECT " + FINDING_COLUMNS + " FROM finding f JOIN resource r ON r.id = f.resource_id WHERE f.id IN (<ids>)")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> findingsById(@BindList("ids") List<Long> findingIds);

    /** The failing findings of one check on resources of one type in a run (KMS keys at risk, say). */
    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM resource r JOIN finding f ON f.resource_id = r.id
            WHERE r.resource_type = :type AND f.check_id = :check AND f.outcome = 'FAIL'
              AND f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> failingFindingsOfCheck(@Bind("run") long runId, @Bind("type") String resourceType, @Bind("check") String checkId);

    // ---------------------------------------------------------------- retention

    @SqlQuery("SELECT MIN(id) FROM scan_run WHERE started_at >= :cutoff")
    Optional<Long> firstRunFrom(@Bind("cutoff") Instant cutoff);

    @SqlUpdate("DELETE FROM finding WHERE last_run_id IS NOT NULL AND last_run_id < :keep")
    int pruneFindings(@Bind("keep") long firstKept);

    @SqlUpdate("UPDATE finding SET first_run_id = :keep WHERE first_run_id < :keep")
    int clampFindings(@Bind("keep") long firstKept);

    @SqlUpdate("DELETE FROM resource_state WHERE last_run_id IS NOT NULL AND last_run_id < :keep")
    int pruneResourceStates(@Bind("keep") long firstKept);

    @SqlUpdate("UPDATE resource_state SET first_run_id = :keep WHERE first_run_id < :keep")
    int clampResourceStates(@Bind("keep") long firstKept);

    @SqlUpdate("DELETE FROM account_state WHERE last_run_id IS NOT NULL AND last_run_id < :keep")
    int pruneAccountStates(@Bind("keep") long firstKept);

    @SqlUpdate("UPDATE account_state SET first_run_id = :keep WHERE first_run_id < :keep")
    int clampAccountStates(@Bind("keep") long firstKept);

    @SqlUpdate("DELETE FROM remediation WHERE resolved_run_id < :keep")
    int pruneRemediations(@Bind("keep") long firstKept);

    @SqlUpdate("""
            DELETE FROM resource WHERE last_run_id IS NOT NULL AND last_run_id < :keep
              AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.resource_id = resource.id)
              AND NOT EXISTS (SELECT 1 FROM resource_state s WHERE s.resource_id = resource.id)""")
    int pruneResources(@Bind("keep") long firstKept);

    @SqlUpdate("UPDATE resource SET first_run_id = :keep WHERE first_run_id < :keep")
    int clampResources(@Bind("keep") long firstKept);

    @SqlUpdate("UPDATE account SET first_run_id = :keep WHERE first_run_id < :keep")
    int clampAccounts(@Bind("keep") long firstKept);



    @SqlUpdate("""
            INSERT INTO run_total (run_id, severity, classification, passed, failed, not_applicable, not_evaluated)
            SELECT run_id, severity, classification, SUM(passed), SUM(failed), SUM(not_applicable), SUM(not_evaluated)
            FROM run_rollup WHERE run_id = :run GROUP BY run_id, severity, classification""")
    void insertRunTotals(@Bind("run") long runId);

    @SqlUpdate("""
            INSERT INTO run_ou_total (run_id, ou_path, severity, classification, passed, failed, not_applicable, not_evaluated)
            SELECT run_id, ou_path, severity, classification, SUM(passed), SUM(failed), SUM(not_applicable), SUM(not_evaluated)
            FROM run_rollup WHERE run_id = :run GROUP BY run_id, ou_path, severity, classification""")
    void insertOuTotals(@Bind("run") long runId);

    @SqlUpdate("""
            INSERT INTO run_check_total (run_id, check_id, severity, classification, passed, failed, not_applicable, not_evaluated)
            SELECT run_id, check_id, severity, classification, SUM(passed), SUM(failed), SUM(not_applicable), SUM(not_evaluated)
            FROM run_aggregate WHERE run_id = :run GROUP BY run_id, check_id, severity, classification""")
    void insertCheckTotals(@Bind("run") long runId);







    /** Resources of the run's accounts present in the run, with their attributes as they stood then. */
    @SqlQuery("""
            SELECT r.arn, r.resource_type, r.account_id, r.region, r.name, s.attributes
            FROM resource_state s JOIN resource r ON r.id = s.resource_id
            WHERE s.first_run_id <= :run AND (s.last_run_id IS NULL OR s.last_run_id >= :run)
              AND r.first_run_id <= :run AND (r.last_run_id IS NULL OR r.last_run_id >= :run)
              AND r.account_id IN (SELECT account_id FROM run_account WHERE run_id = :run)
            ORDER BY r.arn""")
    @RegisterConstructorMapper(ResourceAtRow.class)
    List<ResourceAtRow> resourcesAt(@Bind("run") long runId);

    record ResourceAtRow(String arn, String resourceType, String accountId, String region, String name, String attributes) {}

    @SqlQuery("SELECT id FROM account ORDER BY id")
    List<String> knownAccounts();

    @SqlQuery("SELECT DISTINCT ou_path FROM run_account ORDER BY ou_path")
    List<String> knownOuPaths();

    @SqlQuery("SELECT DISTINCT classification FROM run_total WHERE classification <> '' ORDER BY classification")
    List<String> knownClassifications();

    @SqlQuery("SELECT DISTINCT check_id FROM run_check_total ORDER BY check_id")
    List<String> knownChecks();



    /** Rows of one of {@link Retention#PER_RUN}'s tables that belong to runs before {@code keep}. */
    @SqlUpdate("DELETE FROM <table> WHERE run_id < :keep")
    int prunePerRun(@org.jdbi.v3.sqlobject.customizer.Define("table") String table, @Bind("keep") long firstKept);

    @SqlUpdate("DELETE FROM scan_run WHERE id < :keep")
    int pruneRuns(@Bind("keep") long firstKept);

    // ---------------------------------------------------------------- rows

    record FindingKey(long resourceId, String checkId) {}

    record StateRow(long resourceId, String accountId, String checkId, String severity, String outcome, String classification,
                    String message, long firstRunId, Long lastRunId) {

        boolean covers(long run) {
            return firstRunId <= run && (lastRunId == null || lastRunId >= run);
        }
    }

    record ResourceName(long id, String arn, String resourceType, String region) {}

    record AccountStateRow(long id, String name, String email, String ouPath, String tags) {}

    record ResourceRow(long id, String arn, String resourceType, String region, Long lastRunId, Long stateDigest,
                       Long quickDigest, Long attributesHash) {}

    record AttributeRow(long id, long resourceId, String attributes, long firstRunId, Long lastRunId) {}

    record OpenStatesRow(long resourceId, String states) {}

    record FindingLabels(long id, String severity, String classification) {}

    record FindingRow(String checkId, String severity, String outcome, String reason, String failedOperation,
                      String resourceArn, String resourceType, String resourceName, String accountId, String region,
                      String classification, String message, String evidence, long firstRunId, Long lastRunId,
                      Instant failingSince) {}

    record NewFinding(long resourceId, String accountId, String checkId, String severity, String outcome, String reason,
                      String failedOperation, String classification, String message, String evidence, long stateHash,
                      Instant failingSince, long runId, long quick) {}

    record Remediation(String accountId, long resourceId, String checkId, String severity, String classification,
                       Instant failingSince, long resolvedRunId, Instant resolvedAt, long secondsOpen) {}

    record RemediatedCount(long runId, String accountId, String severity, int findings, long secondsOpen) {}

    record NotEvaluatedCount(long runId, String accountId, String checkId, String reason, String failedOperation, int findings) {}

    record Aggregate(long runId, String accountId, String ouPath, String checkId, String severity, String classification,
                     int passed, int failed, int notApplicable, int notEvaluated) {}
}
