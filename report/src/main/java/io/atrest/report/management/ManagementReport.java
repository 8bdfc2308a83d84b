package io.atrest.report.management;

import java.time.Instant;
import java.util.List;

/**
 * Everything the management report shows, read from the history: the organization's score now
 * and how it moved, per account and OU, findings opened and fixed per week, time to remediate,
 * top failing checks, protection by classification level, keys at risk, who can read restricted
 * data, and what the latest run could not see. Display strings are formatted here so the template only lays them out.
 *
 * @param windowDays how far back the trends go
 */
public record ManagementReport(
        String organization,
        Instant generatedAt,
        int windowDays,
        long runId,
        Instant runStartedAt,
        String runStatus,
        Headline headline,
        String trendText,
        List<TrendRow> trend,
        List<AccountRow> accounts,
        List<OuRow> ous,
        List<WeekRow> weeks,
        List<RemediationRow> remediation,
        List<CheckRow> topChecks,
        List<LevelRow> levelTrend,
        String levelTrendText,
        List<LevelNow> levelsNow,
        List<KeyRow> keysAtRisk,
        List<ReaderRow> readers,
        List<WideKeyRow> widestKeys,
        List<CoverageRow> coverage,
        List<GapRow> gaps) {

    /** The cover's figures. Deltas are score points against the last stored run at least that many days older. */
    public record Headline(Double score, Double coverage, Double delta7, Double delta30, Double delta90, long openCritical,
                           long openHigh, int accountsScanned, int accountsPlanned, int keysAtRisk) {}

    /**
     * One stored run on the trend chart: score and coverage, both 0..100.
     */
    public record TrendRow(Instant startedAt, Double score, Double coveragePercent) {}

    /**
     * @param ouPath the OU path shortened from the left for a column; {@code ouPathFull} is the whole path
     * @param reason why the account ranks where it does: its open critical and high findings, or what kept it from a score
     */
    public record AccountRow(String accountId, String name, String ouPath, String ouPathFull, String score, Double scoreValue,
                             Double delta, String deltaText, long critical, long high, String coverage, String status, String reason) {}

    public record OuRow(String ouPath, String ouPathFull, String score, String coverage, long failing) {}

    /** Findings that began failing (new or regressed) and findings fixed, in the week starting on {@code week}. */
    public record WeekRow(String week, long opened, long resolved) {}

    public record RemediationRow(String severity, long remediated, String meanDays) {}

    public record CheckRow(String checkId, String title, String severity, long failing, long evaluated, String failingShare) {}

    /** Share (0..100) of a level's evaluated stores on the key type the level demands, per run. */
    public record LevelRow(Instant startedAt, String level, Double sharePercent) {}

    public record LevelNow(String level, long onDemandedKey, long evaluated, String share, String changeText) {}

    /** @param key the key's first alias, or its id when it has none */
    public record KeyRow(String key, String keyArn, String accountId, String accountName, String region, String state, String deletionDate,
                         String daysLeft, int storeCount, String stores) {}

    /**
     * Who can read restricted data in one account: its customer keys protecting the sensitive
     * levels, the distinct users and roles (and outside accounts) that can decrypt any of them, how
     * many of those are IAM users, and how many can only on a condition.
     *
     * @param incomplete keys whose access could not be fully read (a failed IAM walk or grant listing): more may read them
     */
    public record ReaderRow(String accountId, String name, int keys, int principals, int users, int conditionalOnly, String widestKey,
                            int incomplete) {}

    /** One key protecting restricted data and how many principals can decrypt with it. */
    public record WideKeyRow(String key, String keyArn, String accountId, String accountName, String region, String level, int decryptors, int conditional,
                             int users, String access) {}

    public record CoverageRow(String accountId, String name, String status, String regions, int collectionErrors,
                              String coverage, String message) {}

    public record GapRow(String accountId, String accountName, String checkId, String reason, String operation, long findings) {}
}
