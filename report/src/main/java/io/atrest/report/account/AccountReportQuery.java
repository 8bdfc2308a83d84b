package io.atrest.report.account;

import io.atrest.report.Figures;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.AccountCoverage;
import io.atrest.sql.HistoryException;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads an {@link AccountReport} from the history store. */
public final class AccountReportQuery {
    private final HistoryStore store;
    private final CheckCatalog catalog;

    public AccountReportQuery(HistoryStore store, CheckCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * The open findings of {@code accountId} in the newest stored run that scanned it.
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
        List<AccountReport.Row> rows = store.queries().failingFindings(latest.id(), accountId).stream()
                .map(this::row)
                .sorted(Comparator.comparingInt(AccountReport.Row::severityRank)
                        .thenComparing(AccountReport.Row::resourceArn)
                        .thenComparing(AccountReport.Row::checkId))
                .toList();
        Map<String, Long> bySeverity = rows.stream().collect(Collectors.groupingBy(AccountReport.Row::severity, Collectors.counting()));
        // Accepted risks last, under a heading of their own: failing, but an exemption accepts them until its date.
        List<AccountReport.Row> accepted = store.queries().acceptedFindings(latest.id()).stream()
                .filter(f -> f.accountId().equals(accountId))
                .map(f -> withSeverity(row(f), ACCEPTED))
                .sorted(Comparator.comparing(AccountReport.Row::resourceArn).thenComparing(AccountReport.Row::checkId))
                .toList();
        if (!accepted.isEmpty()) {
            rows = new java.util.ArrayList<>(rows);
            rows.addAll(accepted);
        }
        return new AccountReport(accountId, account.name() == null ? "" : account.name(),
                account.ouPath() == null || account.ouPath().isEmpty() ? "(root)" : account.ouPath(),
                latest.id(), latest.startedAt(), now, Figures.score(account.score()), Figures.percent(account.coverage()),
                account.status(),
                bySeverity.getOrDefault("CRITICAL", 0L), bySeverity.getOrDefault("HIGH", 0L),
                bySeverity.getOrDefault("MEDIUM", 0L), bySeverity.getOrDefault("LOW", 0L) + bySeverity.getOrDefault("INFO", 0L),
                rows);
    }

    /** The heading accepted risks are listed under, after every severity. */
    static final String ACCEPTED = "ACCEPTED RISKS";

    private static AccountReport.Row withSeverity(AccountReport.Row r, String heading) {
        return new AccountReport.Row(heading, Integer.MAX_VALUE, r.resourceArn(), r.resourceType(), r.region(), r.classification(),
                r.checkId(), r.title(), r.message(), r.evidence(), r.failingSince(), r.remediationConsole(), r.remediationCli());
    }

    private AccountReport.Row row(StoredFinding f) {
        CheckInfo info = catalog.check(f.checkId()).map(c -> c.info()).orElse(null);
        String evidence = f.evidence().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
        return new AccountReport.Row(f.severity(), Severity.rankOf(f.severity()), f.resourceArn(), f.resourceType(),
                f.region() == null ? "" : f.region(), f.classification() == null ? "" : f.classification(), f.checkId(),
                info == null ? f.checkId() : info.title(), f.message() == null ? "" : f.message(), evidence,
                Figures.day(f.failingSince()),
                info == null ? "" : info.remediation().console(),
                info == null || info.remediation().cli() == null ? "" : info.remediation().cli());
    }

}
