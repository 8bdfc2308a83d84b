package io.atrest.sql.query;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.inventory.Account;
import io.atrest.sql.AccountCoverage;
import io.atrest.sql.AttributeInterval;
import io.atrest.sql.CheckFailures;
import io.atrest.sql.DailyCount;
import io.atrest.sql.FindingChange;
import io.atrest.sql.KeysAtRisk;
import io.atrest.sql.KnownValues;
import io.atrest.sql.LevelProtection;
import io.atrest.sql.NotEvaluatedReason;
import io.atrest.sql.OpenState;
import io.atrest.sql.OpenStateDao;
import io.atrest.sql.OutcomeCount;
import io.atrest.sql.RemediationTime;
import io.atrest.sql.ResolvedFinding;
import io.atrest.sql.ScanRun;
import io.atrest.sql.ScopeScore;
import io.atrest.sql.SeverityCount;
import io.atrest.sql.Sql;
import io.atrest.sql.StoredFinding;
import io.atrest.sql.StoredOrganization;
import io.atrest.sql.StoredResource;
import io.atrest.sql.TrendPoint;
import io.atrest.sql.TrendScope;
import io.atrest.sql.Weights;
import io.atrest.sql.run.RunDao;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything the history answers: a run's findings and failures, what changed between runs,
 * trends, scores and what the reports read. Only reads.
 */
public final class HistoryQueries {
    private final Jdbi jdbi;

    public HistoryQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private <T> T findings(Function<FindingDao, T> query) {
        return Sql.call(() -> jdbi.withExtension(FindingDao.class, query::apply));
    }

    private <T> T counts(Function<CountDao, T> query) {
        return Sql.call(() -> jdbi.withExtension(CountDao.class, query::apply));
    }

    /** The findings as they stood in run {@code runId}, for the accounts that run stored. */
    public List<StoredFinding> findings(long runId) {
        return findings(dao -> dao.findings(runId)).stream().map(HistoryQueries::stored).toList();
    }

    /**
     * Hands the findings of run {@code runId} to {@code each}, in the order of {@link #findings(long)}
     * (account, resource, check), a page at a time: memory does not grow with the run. The read is
     * one transaction, so PostgreSQL pages it with a cursor instead of sending every row at once.
     */
    public void forEachFinding(long runId, java.util.function.Consumer<StoredFinding> each) {
        Sql.call(() -> jdbi.inTransaction(handle -> {
            try (java.util.stream.Stream<FindingDao.FindingRow> rows = handle.attach(FindingDao.class).streamFindings(runId)) {
                rows.map(HistoryQueries::stored).forEach(each);
            }
            return null;
        }));
    }

    /**
     * What changed between runs {@code a} and {@code b} (a before b): findings failing in b that
     * were not in a (NEW, or REGRESSED when they had failed before), and findings failing in a
     * that no longer fail in b (RESOLVED). Accounts that b did not scan are left out.
     */
    public List<FindingChange> diff(long a, long b) {
        if (a >= b) {
            throw new IllegalArgumentException("diff needs an earlier run first: " + a + " is not before " + b);
        }
        return findings(dao -> new FindingDiff(dao, a, b).changes());
    }

    /**
     * The failing findings of run {@code runId}: what was open then. For the newest run, what is
     * open now: the open states name the failing rows, read by id, instead of a pass over every
     * state the history holds (a year of it: 25 s).
     */
    public List<StoredFinding> failingFindings(long runId) {
        return Sql.call(() -> jdbi.withHandle(handle -> {
            FindingDao dao = handle.attach(FindingDao.class);
            if (dao.runsAfter(runId) > 0) {
                return dao.findingsWithOutcome(runId, Outcome.FAIL.name());
            }
            Set<String> accounts = new HashSet<>(dao.accountsOf(runId));
            return currentFailures(dao, handle.attach(OpenStateDao.class).allOpenStates(), state -> true).stream()
                    .filter(f -> accounts.contains(f.accountId()))
                    .sorted(Comparator.comparing(FindingDao.FindingRow::accountId)
                            .thenComparing(FindingDao.FindingRow::resourceArn).thenComparing(FindingDao.FindingRow::checkId))
                    .toList();
        })).stream().map(HistoryQueries::stored).toList();
    }

    /** The failures exemptions accepted in run {@code runId} (SUPPRESSED): accepted risks, each until its date. */
    public List<StoredFinding> acceptedFindings(long runId) {
        return findings(dao -> dao.findingsWithOutcome(runId, Outcome.SUPPRESSED.name())).stream().map(HistoryQueries::stored).toList();
    }

    /** The failing findings of one account in run {@code runId}. */
    public List<StoredFinding> failingFindings(long runId, String accountId) {
        return findingsOfAccount(runId, accountId, Outcome.FAIL);
    }

    /** The accepted risks of one account in run {@code runId}: its failures an exemption covered then. */
    public List<StoredFinding> acceptedFindings(long runId, String accountId) {
        return findingsOfAccount(runId, accountId, Outcome.SUPPRESSED);
    }

    private List<StoredFinding> findingsOfAccount(long runId, String accountId, Outcome outcome) {
        return findings(dao -> dao.findingsOfAccountWithOutcome(runId, accountId, outcome.name())).stream()
                .map(HistoryQueries::stored).toList();
    }

    /** The failing findings of the given checks on resources of one type in run {@code runId}. */
    public List<StoredFinding> failingFindings(long runId, String resourceType, List<String> checkIds) {
        if (checkIds.isEmpty()) {
            return List.of();
        }
        return Sql.call(() -> jdbi.withHandle(handle -> {
            FindingDao dao = handle.attach(FindingDao.class);
            List<FindingDao.FindingRow> rows;
            if (dao.runsAfter(runId) == 0) {
                Set<String> checks = new HashSet<>(checkIds);
                OpenStateDao open = handle.attach(OpenStateDao.class);
                rows = currentFailures(dao, Sql.inBatches(dao.resourcesOfType(resourceType), open::openStatesOf),
                        state -> checks.contains(state.checkId()));
            } else {
                // One check at a time: with an equality H2 seeks (resource, check) in finding_key; with an IN list it
                // reads every finding of every resource of the type.
                rows = checkIds.stream().flatMap(check -> dao.failingFindingsOfCheck(runId, resourceType, check).stream()).toList();
            }
            return rows.stream()
                    .sorted(Comparator.comparing(FindingDao.FindingRow::resourceArn).thenComparing(FindingDao.FindingRow::checkId))
                    .map(HistoryQueries::stored)
                    .toList();
        }));
    }

    /**
     * The failing findings, as they stand now, among these resources' open states: when the run
     * asked for is the newest, its states are the current ones, and the open states name the
     * failing rows, which are then read by id (instead of every state the resources ever had).
     */
    private static List<FindingDao.FindingRow> currentFailures(FindingDao dao, List<OpenStateDao.Row> openStates,
                                                               Predicate<OpenState> wanted) {
        List<Long> failing = new ArrayList<>();
        for (OpenStateDao.Row row : openStates) {
            for (OpenState state : row.decoded()) {
                if ("FAIL".equals(state.outcome()) && wanted.test(state)) {
                    failing.add(state.findingId());
                }
            }
        }
        return Sql.inBatches(failing, dao::findingsById);
    }

    private static StoredFinding stored(FindingDao.FindingRow row) {
        return new StoredFinding(row.checkId(), row.severity(), row.outcome(), row.reason(), row.failedOperation(),
                row.resourceArn(), row.resourceType(), row.resourceName(), row.accountId(), row.region(), row.classification(),
                row.message(), Sql.parse(row.evidence()), row.firstRunId(), row.lastRunId(), row.failingSince());
    }

    /** How many finding states the history holds, all runs together. */
    public long findingStates() {
        return findings(FindingDao::findingStates);
    }

    /** The resources of a stored run with their attributes as they stood in it (atrest keys reads its keys and stores here). */
    public List<StoredResource> resourcesAt(long runId) {
        return findings(dao -> dao.resourcesAt(runId)).stream()
                .map(r -> new StoredResource(r.arn(), r.resourceType(), r.accountId(), r.region(), r.name(), Sql.parse(r.attributes())))
                .toList();
    }

    /** How a resource's attributes changed over time: one entry per interval, oldest first. */
    public List<AttributeInterval> attributeHistory(String arn) {
        return findings(dao -> dao.attributeHistory(arn)).stream()
                .map(row -> new AttributeInterval(Sql.parse(row.attributes()), row.firstRunId(), row.lastRunId()))
                .toList();
    }

    /** Counts per severity and outcome for one run. */
    public List<OutcomeCount> outcomeCounts(long runId) {
        return counts(dao -> dao.outcomeCounts(runId));
    }

    /** Every account, OU path, classification and check the history holds: what filters may name. */
    public KnownValues knownValues() {
        return counts(dao -> new KnownValues(dao.knownAccounts(), dao.knownOuPaths(), dao.knownClassifications(), dao.knownChecks()));
    }

    public int accountsStored(long runId) {
        return counts(dao -> dao.accountsStored(runId));
    }

    /** Score and coverage per stored run since {@code since}, for a scope. */
    public List<TrendPoint> trend(TrendScope scope, Instant since, Weights weights) {
        String prefix = scope.ouPath() == null ? null : scope.ouPath() + "/%";
        int filters = (scope.accountId() == null ? 0 : 1) + (scope.ouPath() == null ? 0 : 1) + (scope.classification() == null ? 0 : 1);
        return counts(dao -> {
            if (filters == 0) {
                return dao.organizationTrend(since, weights);
            } else if (filters > 1) {
                return dao.trend(scope, prefix, since, weights);
            } else if (scope.accountId() != null) {
                return dao.accountTrend(scope.accountId(), since, weights);
            } else if (scope.ouPath() != null) {
                return dao.ouTrend(scope.ouPath(), prefix, since, weights);
            }
            return dao.classificationTrend(scope.classification(), since, weights);
        });
    }

    /** Score and coverage of each OU path in a run (accounts directly in it; roll up by prefix for subtrees). */
    public List<ScopeScore> ouScores(long runId, Weights weights) {
        return counts(dao -> dao.ouScores(runId, weights));
    }

    /** Score and coverage of each account in a run, worst first. */
    public List<ScopeScore> accountScores(long runId) {
        return counts(dao -> dao.accountScores(runId));
    }

    public List<CheckFailures> topFailingChecks(long runId, int limit) {
        return counts(dao -> dao.topFailingChecks(runId, limit));
    }

    public List<KeysAtRisk> keysAtRisk(Instant since) {
        return counts(dao -> dao.keysAtRisk(since));
    }

    /** Mean time to remediate, per severity, for fixes since {@code since}. */
    public List<RemediationTime> remediationTimes(Instant since) {
        return counts(dao -> dao.remediationTimes(since));
    }

    public List<ResolvedFinding> resolvedSince(Instant since) {
        return counts(dao -> dao.resolvedSince(since));
    }

    /** Failing resources per account and severity in a run. */
    public List<SeverityCount> failuresBySeverity(long runId) {
        return counts(dao -> dao.failuresBySeverity(runId));
    }

    /** Findings that began failing (new or regressed) per day since {@code since}. */
    public List<DailyCount> newFailuresByDay(Instant since) {
        return counts(dao -> dao.newFailuresByDay(since));
    }

    /** Failing findings fixed (or whose resource went away) per day since {@code since}. */
    public List<DailyCount> remediatedByDay(Instant since) {
        return counts(dao -> dao.remediatedByDay(since));
    }

    /** Per stored run and classification level: stores passing the given key-tier checks out of those evaluated. */
    public List<LevelProtection> levelProtection(Instant since, List<String> keyTierChecks) {
        if (keyTierChecks.isEmpty()) {
            return List.of();
        }
        return counts(dao -> dao.levelProtection(since, keyTierChecks));
    }

    /** Each account's part of a run: status, regions, collection errors, score and coverage. */
    public List<AccountCoverage> accountCoverage(long runId) {
        return counts(dao -> dao.accountCoverage(runId));
    }

    /** Why findings of a run could not be evaluated, per account, check, reason and failed call. */
    public List<NotEvaluatedReason> notEvaluatedReasons(long runId) {
        return counts(dao -> dao.notEvaluatedReasons(runId));
    }

    /**
     * The organization as the newest COMPLETE or PARTIAL run saw it: its id and its accounts, with
     * their names, OU paths and tags as then (their parent ids are not kept). What a scan falls
     * back to when the organization cannot be read.
     */
    public Optional<StoredOrganization> lastStoredOrganization() {
        Optional<ScanRun> run = Sql.call(() -> jdbi.withExtension(RunDao.class, dao -> dao.recentStoredRuns(1))).stream().findFirst();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<Account> accounts = Sql.call(() -> jdbi.withExtension(KnownAccountDao.class, dao -> dao.accountsOf(run.get().id()))).stream()
                .map(r -> new Account(r.accountId(), r.name(), r.email(), "ACTIVE", ouNames(r.ouPath()), Sql.parse(r.tags())))
                .toList();
        return accounts.isEmpty() ? Optional.empty() : Optional.of(new StoredOrganization(run.get(), accounts));
    }

    /** "Root/Prod/Payments" as the OU names under the root. */
    private static List<String> ouNames(String ouPath) {
        if (ouPath == null || ouPath.isEmpty() || ouPath.equals("Root")) {
            return List.of();
        }
        String under = ouPath.startsWith("Root/") ? ouPath.substring(5) : ouPath;
        return List.of(under.split("/"));
    }
}
