package io.atrest.report.account;

import io.atrest.report.Figures;
import io.atrest.report.Names;
import io.atrest.report.account.AccountReport.Affected;
import io.atrest.report.account.AccountReport.CheckGroup;
import io.atrest.report.account.AccountReport.Gap;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.AccountCoverage;
import io.atrest.sql.HistoryException;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.NotEvaluatedReason;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads an {@link AccountReport} from the history store. */
public final class AccountReportQuery {
    /** OU paths longer than this are shortened from the left on the cover; the full path is printed beside. */
    static final int OU_SHOWN = 40;

    private final HistoryStore store;
    private final CheckCatalog catalog;

    public AccountReportQuery(HistoryStore store, CheckCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * The failing checks of {@code accountId} in the newest stored run that scanned it.
     *
     * @throws HistoryException when no stored run holds that account
     */
    public AccountReport read(String accountId, Instant now) {
        ScanRun latest = store.runLog().recentStoredRuns(1).stream().findFirst()
                .orElseThrow(() -> new HistoryException("no complete scan is stored in this database yet: run 'atrest scan' first"));
        AccountCoverage account = store.queries().accountCoverage(latest.id()).stream()
                .filter(a -> a.accountId().equals(accountId))
                .findFirst()
                .orElseThrow(() -> new HistoryException("account " + accountId + " is not in the latest stored run (" + latest.id()
                        + "); 'atrest history' lists the runs and 'atrest scores' their accounts"));
        List<StoredFinding> failing = store.queries().failingFindings(latest.id(), accountId);
        List<StoredFinding> accepted = store.queries().acceptedFindings(latest.id(), accountId);
        Map<String, Long> bySeverity = failing.stream().collect(Collectors.groupingBy(StoredFinding::severity, Collectors.counting()));
        List<Gap> gaps = store.queries().notEvaluatedReasons(latest.id()).stream()
                .filter(g -> g.accountId().equals(accountId))
                .sorted(Comparator.comparingLong((NotEvaluatedReason g) -> -g.findings()).thenComparing(NotEvaluatedReason::checkId))
                .map(g -> new Gap(g.checkId(), title(g.checkId()), g.reason() == null ? "UNKNOWN" : g.reason(),
                        g.failedOperation() == null ? "" : g.failedOperation(), g.findings()))
                .toList();
        String ou = Names.ouPath(account.ouPath());
        return new AccountReport(accountId, account.name() == null ? "" : account.name(), Names.shortPath(ou, OU_SHOWN), ou,
                latest.id(), latest.startedAt(), now, Figures.score(account.score()), Figures.percent(account.coverage()),
                account.status(),
                bySeverity.getOrDefault("CRITICAL", 0L), bySeverity.getOrDefault("HIGH", 0L),
                bySeverity.getOrDefault("MEDIUM", 0L), bySeverity.getOrDefault("LOW", 0L) + bySeverity.getOrDefault("INFO", 0L),
                groups(failing, accountId), groups(accepted, accountId), gaps);
    }

    /** One group per check, most severe first, then the check failing on most resources; resources by name. */
    private List<CheckGroup> groups(List<StoredFinding> findings, String accountId) {
        Map<String, List<StoredFinding>> byCheck = new LinkedHashMap<>();
        findings.forEach(f -> byCheck.computeIfAbsent(f.checkId(), k -> new ArrayList<>()).add(f));
        List<CheckGroup> groups = new ArrayList<>();
        byCheck.forEach((checkId, list) -> groups.add(group(checkId, list, accountId)));
        groups.sort(Comparator.comparingInt(CheckGroup::severityRank).thenComparing(g -> -g.resources().size())
                .thenComparing(CheckGroup::checkId));
        return groups;
    }

    private CheckGroup group(String checkId, List<StoredFinding> findings, String accountId) {
        CheckInfo info = catalog.check(checkId).map(c -> c.info()).orElse(null);
        String cli = info == null || info.remediation().cli() == null ? "" : info.remediation().cli();
        // A finding keeps the severity it failed with; the most severe one of the group heads it.
        String severity = findings.stream().map(StoredFinding::severity).min(Comparator.comparingInt(Severity::rankOf)).orElse("INFO");
        List<Affected> resources = findings.stream()
                .map(f -> affected(f, cli))
                .sorted(Comparator.comparing(Affected::name).thenComparing(Affected::arn))
                .toList();
        List<String> unknowns = FixCommand.unknowns(resources.stream().map(Affected::command).toList());
        // One command for every resource (nothing of theirs fills it) is printed once, with the fix; else one per resource.
        String shared = resources.stream().map(Affected::command).distinct().count() == 1 ? resources.get(0).command() : "";
        if (!shared.isEmpty()) {
            resources = resources.stream().map(a -> new Affected(a.name(), a.arn(), a.resourceType(), a.region(), a.classification(),
                    a.message(), a.evidence(), a.failingSince(), "")).toList();
        }
        return new CheckGroup(severity, Severity.rankOf(severity), checkId, info == null ? checkId : info.title(),
                info == null ? "" : info.rationale(), info == null ? "" : info.remediation().console(), shared, unknowns, resources);
    }

    private static Affected affected(StoredFinding f, String cli) {
        String evidence = f.evidence().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        String name = f.resourceName() != null && !f.resourceName().isBlank() ? f.resourceName() : Names.lastSegment(f.resourceArn());
        return new Affected(name, f.resourceArn(), f.resourceType(), f.region() == null ? "" : f.region(),
                f.classification() == null ? "" : f.classification(), f.message() == null ? "" : f.message(), evidence,
                Figures.day(f.failingSince()),
                FixCommand.fill(cli, f.resourceType(), f.resourceArn(), f.resourceName(), f.accountId(), f.region()));
    }

    private String title(String checkId) {
        return catalog.check(checkId).map(c -> c.info().title()).orElse(checkId);
    }
}
