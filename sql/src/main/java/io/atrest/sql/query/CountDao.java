package io.atrest.sql.query;

import io.atrest.sql.AccountCoverage;
import io.atrest.sql.CheckFailures;
import io.atrest.sql.DailyCount;
import io.atrest.sql.KeysAtRisk;
import io.atrest.sql.LevelProtection;
import io.atrest.sql.NotEvaluatedReason;
import io.atrest.sql.OutcomeCount;
import io.atrest.sql.RemediationTime;
import io.atrest.sql.ResolvedFinding;
import io.atrest.sql.ScopeScore;
import io.atrest.sql.ScoreFormula;
import io.atrest.sql.SeverityCount;
import io.atrest.sql.TrendPoint;
import io.atrest.sql.TrendScope;
import io.atrest.sql.Weights;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What trends, scores and reports read: the per-run counts ingest writes and the totals a run
 * gets when it closes, never the findings themselves.
 */
interface CountDao {

    @SqlQuery("""
            SELECT severity, SUM(passed) AS passed, SUM(failed) AS failed, SUM(not_applicable) AS not_applicable,
                   SUM(not_evaluated) AS not_evaluated, SUM(suppressed) AS suppressed
            FROM run_aggregate WHERE run_id = :run GROUP BY severity""")
    @RegisterConstructorMapper(OutcomeCount.class)
    List<OutcomeCount> outcomeCounts(@Bind("run") long runId);

    /** Per run and severity, the sums a trend weighs: the weights' CASE then runs on four rows per run. */
    String TREND_SELECT = "SELECT a.run_id, a.started_at," + ScoreFormula.SCORE_AND_COVERAGE
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
            + ScoreFormula.SCORE_AND_COVERAGE
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
            ORDER BY MAX(CASE WHEN failed = 0 THEN 0 WHEN severity = 'CRITICAL' THEN 5 WHEN severity = 'HIGH' THEN 4
                              WHEN severity = 'MEDIUM' THEN 3 WHEN severity = 'LOW' THEN 2 ELSE 1 END) DESC,
                     SUM(failed) DESC, check_id
            LIMIT :limit""")
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

    @SqlQuery("SELECT COUNT(*) FROM run_account WHERE run_id = :run")
    int accountsStored(@Bind("run") long runId);

    @SqlQuery("SELECT id FROM account ORDER BY id")
    List<String> knownAccounts();

    @SqlQuery("SELECT DISTINCT ou_path FROM run_account ORDER BY ou_path")
    List<String> knownOuPaths();

    @SqlQuery("SELECT DISTINCT classification FROM run_total WHERE classification <> '' ORDER BY classification")
    List<String> knownClassifications();

    @SqlQuery("SELECT DISTINCT check_id FROM run_check_total ORDER BY check_id")
    List<String> knownChecks();
}
