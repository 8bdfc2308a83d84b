package io.atrest.report.management;

import io.atrest.report.Figures;
import io.atrest.report.Names;
import io.atrest.report.management.ManagementReport.AccountRow;
import io.atrest.report.management.ManagementReport.CheckRow;
import io.atrest.report.management.ManagementReport.CoverageRow;
import io.atrest.report.management.ManagementReport.GapRow;
import io.atrest.report.management.ManagementReport.Headline;
import io.atrest.report.management.ManagementReport.KeyRow;
import io.atrest.report.management.ManagementReport.LevelNow;
import io.atrest.report.management.ManagementReport.LevelRow;
import io.atrest.report.management.ManagementReport.OuRow;
import io.atrest.report.management.ManagementReport.RemediationRow;
import io.atrest.report.management.ManagementReport.TrendRow;
import io.atrest.report.management.ManagementReport.WeekRow;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.kms.KmsDisabledInUse;
import io.atrest.scanner.check.kms.KmsPendingDeletionInUse;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.AccountCoverage;
import io.atrest.sql.DailyCount;
import io.atrest.sql.HistoryException;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.LevelProtection;
import io.atrest.sql.ScanRun;
import io.atrest.sql.ScopeScore;
import io.atrest.sql.SeverityCount;
import io.atrest.sql.StoredFinding;
import io.atrest.sql.StoredResource;
import io.atrest.sql.TrendPoint;
import io.atrest.sql.TrendScope;
import io.atrest.sql.Weights;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads a {@link ManagementReport} from the history store. Every figure comes from stored runs. */
public final class ManagementReportQuery {
    /** Tables that could run to thousands of rows show the most urgent ones; the headline counts all. */
    static final int KEYS_SHOWN = 25;
    static final int GAPS_SHOWN = 40;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

    static final int WIDEST_KEYS_SHOWN = 15;
    static final int CHECKS_SHOWN = 10;
    /** OU paths longer than this are shortened from the left in tables; the full path stays beside them. */
    static final int OU_SHOWN = 22;

    private final HistoryStore store;
    private final CheckCatalog catalog;
    private final Weights weights;
    private final Set<String> restrictedLevels;

    /** A report whose "who can read restricted data" covers the levels the default policy judges decryptors of. */
    public ManagementReportQuery(HistoryStore store, CheckCatalog catalog, Weights weights) {
        this(store, catalog, weights, restrictedLevels(ClassificationPolicy.defaults()));
    }

    /** @param restrictedLevels the classification levels "who can read restricted data" counts the readers of */
    public ManagementReportQuery(HistoryStore store, CheckCatalog catalog, Weights weights, Set<String> restrictedLevels) {
        this.store = store;
        this.catalog = catalog;
        this.weights = weights;
        this.restrictedLevels = Set.copyOf(restrictedLevels);
    }

    /** The levels of a policy whose keys' decryptors it judges (maxDecryptPrincipals or decryptByRolesOnly): its restricted data. */
    public static Set<String> restrictedLevels(ClassificationPolicy policy) {
        return policy.levels().stream().filter(l -> l.keyAccess().judgesDecryptors()).map(Level::name).collect(Collectors.toSet());
    }

    /**
     * The report as of {@code now} over the last {@code window}, about the newest complete or
     * partial run.
     *
     * @throws HistoryException when the database holds no stored run yet
     */
    public ManagementReport read(Instant now, Duration window) {
        ScanRun latest = store.runLog().recentStoredRuns(1).stream().findFirst()
                .orElseThrow(() -> new HistoryException("no complete scan is stored in this database yet: run 'atrest scan' first"));
        Instant since = now.minus(window);
        // Deltas reach 90 days back even when the window is shorter.
        Instant trendFrom = since.isBefore(now.minus(Duration.ofDays(91))) ? since : now.minus(Duration.ofDays(91));
        List<TrendPoint> points = store.queries().trend(TrendScope.organization(), trendFrom, weights);
        TrendPoint current = points.stream().filter(p -> p.runId() == latest.id()).findFirst().orElse(null);
        Double score = current == null ? latest.score() : current.score();
        Double coverage = current == null ? latest.coverage() : current.coverage();

        List<AccountCoverage> accountCoverage = store.queries().accountCoverage(latest.id());
        Map<String, String> accountNames = new HashMap<>();
        accountCoverage.forEach(a -> accountNames.put(a.accountId(), a.name() == null ? "" : a.name()));
        List<StoredResource> resources = store.queries().resourcesAt(latest.id());
        List<KeyRow> keys = keysAtRisk(latest.id(), now, keyNames(resources), accountNames);
        Map<String, long[]> bySeverity = criticalAndHigh(latest.id());
        long openCritical = bySeverity.values().stream().mapToLong(c -> c[0]).sum();
        long openHigh = bySeverity.values().stream().mapToLong(c -> c[1]).sum();

        Headline headline = new Headline(score, coverage,
                delta(points, latest, score, 7), delta(points, latest, score, 30), delta(points, latest, score, 90),
                openCritical, openHigh, accountCoverage.size(), latest.accountsPlanned(), keys.size());

        List<TrendRow> trend = points.stream()
                .filter(p -> !p.startedAt().isBefore(since))
                .map(p -> new TrendRow(p.startedAt(), p.score(), p.coverage() == null ? null : p.coverage() * 100))
                .toList();

        List<LevelProtection> levels = store.queries().levelProtection(since, keyTierChecks());
        List<LevelRow> levelRows = levels.stream().map(l -> new LevelRow(l.startedAt(), l.classification(),
                l.share() == null ? null : l.share() * 100)).toList();
        RestrictedReaders.Section readers = RestrictedReaders.of(resources, accountNames, restrictedLevels,
                WIDEST_KEYS_SHOWN);
        return new ManagementReport(
                latest.organizationId() == null ? "organization" : latest.organizationId(),
                now,
                (int) window.toDays(),
                latest.id(),
                latest.startedAt(),
                latest.status().name(),
                headline,
                TrendText.score(trend, window),
                trend,
                accounts(latest, accountCoverage, bySeverity, since, points),
                ous(latest.id()),
                weeks(since, now),
                remediation(since),
                topChecks(latest.id()),
                levelRows,
                TrendText.levels(levelRows),
                levelsNow(levels, latest.id()),
                keys.subList(0, Math.min(KEYS_SHOWN, keys.size())),
                readers.accounts(),
                readers.widestKeys(),
                accountCoverage.stream().map(a -> new CoverageRow(a.accountId(), a.name(), a.status(), a.regions(),
                        a.collectionErrors(), Figures.percent(a.coverage()), a.message() == null ? "" : a.message())).toList(),
                gaps(latest.id(), accountNames));
    }

    /** What the run could not evaluate, the widest gaps first. */
    private List<GapRow> gaps(long runId, Map<String, String> accountNames) {
        return store.queries().notEvaluatedReasons(runId).stream()
                .sorted(Comparator.comparingLong((io.atrest.sql.NotEvaluatedReason g) -> -g.findings())
                        .thenComparing(io.atrest.sql.NotEvaluatedReason::accountId))
                .limit(GAPS_SHOWN)
                .map(g -> new GapRow(g.accountId(), accountNames.getOrDefault(g.accountId(), ""), g.checkId(),
                        g.reason() == null ? "UNKNOWN" : g.reason(), g.failedOperation() == null ? "" : g.failedOperation(), g.findings()))
                .toList();
    }

    /**
     * Score now minus the score of the newest run at least {@code days} older than the latest. When
     * the history is barely shorter than that (the first nightly run is {@code days - 1} days old),
     * the oldest run stands in, so 90 nights of history give a 90-day change.
     */
    static Double delta(List<TrendPoint> points, ScanRun latest, Double score, int days) {
        if (score == null) {
            return null;
        }
        Instant exact = latest.startedAt().minus(Duration.ofDays(days)).plus(Duration.ofHours(1));
        Instant slack = exact.plus(Duration.ofDays(1));
        TrendPoint before = null;
        for (TrendPoint p : points) {
            if (p.runId() != latest.id() && p.startedAt().isBefore(exact)) {
                before = p;
            }
        }
        if (before == null && !points.isEmpty() && points.get(0).runId() != latest.id() && points.get(0).startedAt().isBefore(slack)) {
            before = points.get(0);
        }
        return before == null || before.score() == null ? null : score - before.score();
    }

    /** Per account: {critical, high} failing resources. */
    private Map<String, long[]> criticalAndHigh(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        for (SeverityCount c : store.queries().failuresBySeverity(runId)) {
            long[] pair = counts.computeIfAbsent(c.scope(), k -> new long[2]);
            if (Severity.CRITICAL.name().equals(c.severity())) {
                pair[0] += c.failed();
            } else if (Severity.HIGH.name().equals(c.severity())) {
                pair[1] += c.failed();
            }
        }
        return counts;
    }

    /** Accounts worst first; each one's change is against the last run before the window, else the window's first run. */
    private List<AccountRow> accounts(ScanRun latest, List<AccountCoverage> coverage, Map<String, long[]> bySeverity, Instant since,
                                      List<TrendPoint> points) {
        Map<String, Double> before = new HashMap<>();
        Optional<Long> baseline = store.runLog().lastStoredRunAt(since).map(ScanRun::id)
                .or(() -> points.stream().filter(p -> !p.startedAt().isBefore(since)).map(TrendPoint::runId).findFirst())
                .filter(id -> id != latest.id());
        baseline.ifPresent(run -> store.queries().accountScores(run).forEach(s -> before.put(s.scope(), s.score())));
        List<AccountRow> rows = new ArrayList<>();
        for (AccountCoverage a : coverage) {
            long[] sev = bySeverity.getOrDefault(a.accountId(), new long[2]);
            Double was = before.get(a.accountId());
            Double delta = a.score() == null || was == null ? null : a.score() - was;
            String ou = Names.ouPath(a.ouPath());
            rows.add(new AccountRow(a.accountId(), a.name() == null ? "" : a.name(), Names.shortPath(ou, OU_SHOWN), ou,
                    Figures.score(a.score()), a.score(), delta, Figures.delta(delta), sev[0], sev[1], Figures.percent(a.coverage()),
                    a.status(), reason(a, sev)));
        }
        rows.sort(WORST_FIRST);
        return rows;
    }

    /**
     * Risk order: lowest score first; an account without a score (nothing could be evaluated) comes
     * first of all, since nobody knows how it stands; ties by open critical, then high findings.
     */
    static final Comparator<AccountRow> WORST_FIRST = Comparator
            .comparing((AccountRow r) -> r.scoreValue() == null ? Double.NEGATIVE_INFINITY : r.scoreValue())
            .thenComparing(r -> -r.critical()).thenComparing(r -> -r.high())
            .thenComparing(r -> r.name().isEmpty() ? r.accountId() : r.name());

    private static String reason(AccountCoverage a, long[] severity) {
        if (a.score() == null) {
            return "no check could be evaluated" + (a.message() == null || a.message().isBlank() ? "" : ": " + a.message());
        }
        List<String> parts = new ArrayList<>();
        if (severity[0] > 0) {
            parts.add(severity[0] + " critical");
        }
        if (severity[1] > 0) {
            parts.add(severity[1] + " high");
        }
        String open = parts.isEmpty() ? "no critical or high finding open" : String.join(", ", parts) + " open";
        return a.coverage() != null && a.coverage() < 0.95 ? open + "; " + Figures.percent(a.coverage()) + " evaluated" : open;
    }

    private List<OuRow> ous(long runId) {
        return store.queries().ouScores(runId, weights).stream()
                .map((ScopeScore s) -> new OuRow(Names.shortPath(Names.ouPath(s.scope()), OU_SHOWN), Names.ouPath(s.scope()), Figures.score(s.score()),
                        Figures.percent(s.coverage()), s.failed()))
                .toList();
    }

    /** Every week (Monday to Sunday, UTC) that overlaps the window, with zeros where nothing happened. */
    private List<WeekRow> weeks(Instant since, Instant now) {
        LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            weeks.put(week, new long[2]);
        }
        // What already failed in the first stored run was found, not newly broken: it is not counted as new.
        Instant newSince = store.runLog().firstStoredRunStart().map(start -> start.plusSeconds(1)).filter(start -> start.isAfter(since)).orElse(since);
        for (DailyCount d : store.queries().newFailuresByDay(newSince)) {
            add(weeks, d, 0);
        }
        for (DailyCount d : store.queries().remediatedByDay(since)) {
            add(weeks, d, 1);
        }
        List<WeekRow> rows = new ArrayList<>();
        weeks.forEach((week, counts) -> rows.add(new WeekRow(WEEK.format(week), counts[0], counts[1])));
        return rows;
    }

    private static void add(TreeMap<LocalDate, long[]> weeks, DailyCount d, int slot) {
        Map.Entry<LocalDate, long[]> week = weeks.floorEntry(d.onDay());
        if (week != null) {
            week.getValue()[slot] += d.events();
        }
    }

    private List<RemediationRow> remediation(Instant since) {
        return store.queries().remediationTimes(since).stream()
                .sorted(Comparator.comparingInt(r -> Severity.rankOf(r.severity())))
                .map(r -> new RemediationRow(r.severity(), r.remediated(), Figures.days(r.meanDays())))
                .toList();
    }

    /** The failing checks most urgent first: by severity, then by how many resources fail them. */
    private List<CheckRow> topChecks(long runId) {
        return store.queries().topFailingChecks(runId, CHECKS_SHOWN).stream()
                .map(c -> new CheckRow(c.checkId(), catalog.check(c.checkId()).map(k -> k.info().title()).orElse(c.checkId()),
                        c.severity(), c.failed(), c.evaluated(),
                        Figures.percent(c.evaluated() == 0 ? null : (double) c.failed() / c.evaluated())))
                .toList();
    }

    private List<String> keyTierChecks() {
        return catalog.checks().stream().filter(c -> c instanceof KeyTierCheck<?>).map(c -> c.info().id()).toList();
    }

    /** The latest run's share per level, and its change since the first run of the window. */
    private static List<LevelNow> levelsNow(List<LevelProtection> levels, long latestRun) {
        Map<String, LevelProtection> first = new LinkedHashMap<>();
        Map<String, LevelProtection> last = new LinkedHashMap<>();
        for (LevelProtection l : levels) {
            first.putIfAbsent(l.classification(), l);
            if (l.runId() == latestRun) {
                last.put(l.classification(), l);
            }
        }
        List<LevelNow> rows = new ArrayList<>();
        for (LevelProtection now : last.values()) {
            LevelProtection then = first.get(now.classification());
            Double change = now.share() == null || then == null || then.share() == null || then.runId() == latestRun
                    ? null : (now.share() - then.share()) * 100;
            rows.add(new LevelNow(now.classification(), now.passed(), now.evaluated(), Figures.percent(now.share()),
                    change == null ? Figures.NONE : Figures.delta(change) + " pts"));
        }
        rows.sort(Comparator.comparing(LevelNow::level));
        return rows;
    }

    /** Each key's name (its first alias, else its id), by ARN: keys are shown by the name people gave them. */
    private static Map<String, String> keyNames(List<StoredResource> resources) {
        Map<String, String> names = new HashMap<>();
        for (StoredResource r : resources) {
            if (ResourceType.AwsKmsKey.name().equals(r.resourceType())) {
                names.put(r.arn(), RestrictedReaders.keyName(r));
            }
        }
        return names;
    }

    private List<KeyRow> keysAtRisk(long runId, Instant now, Map<String, String> keyNames, Map<String, String> accountNames) {
        List<String> checks = List.of(KmsPendingDeletionInUse.INFO.id(), KmsDisabledInUse.INFO.id());
        Map<String, KeyRow> byKey = new LinkedHashMap<>();
        for (StoredFinding f : store.queries().failingFindings(runId, ResourceType.AwsKmsKey.name(), checks)) {
            Map<String, String> evidence = f.evidence();
            String stores = evidence.getOrDefault("stores", "");
            int storeCount = stores.isEmpty() ? 0 : stores.split(",").length;
            String deletion = evidence.get("deletionDate");
            String daysLeft = Figures.NONE;
            String deletionDay = Figures.NONE;
            if (deletion != null && !deletion.isBlank() && !"null".equals(deletion)) {
                Instant at = Instant.parse(deletion);
                deletionDay = Figures.day(at);
                daysLeft = Long.toString(Math.max(0, Duration.between(now, at).toDays()));
            }
            byKey.putIfAbsent(f.resourceArn(), new KeyRow(keyNames.getOrDefault(f.resourceArn(), Names.lastSegment(f.resourceArn())),
                    f.resourceArn(), f.accountId(), accountNames.getOrDefault(f.accountId(), ""), f.region() == null ? "" : f.region(),
                    evidence.getOrDefault("state", ""), deletionDay, daysLeft, storeCount, stores.replace(",", "\n")));
        }
        List<KeyRow> rows = new ArrayList<>(byKey.values());
        rows.sort(Comparator.comparing((KeyRow k) -> k.daysLeft().equals(Figures.NONE) ? Long.MAX_VALUE : Long.parseLong(k.daysLeft()))
                .thenComparing(KeyRow::keyArn));
        return rows;
    }


}
