package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ResolvedFinding;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "findings", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Failing findings of the last stored run (or at a date), or the ones resolved lately.")
final class FindingsCommand implements Callable<Integer> {
    enum Status { open, resolved, accepted }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    OutputOption output;

    @Option(names = "--status", defaultValue = "open", description = "open, resolved or accepted (failures an exemption accepts "
            + "until its date; default: ${DEFAULT-VALUE}).")
    Status status;

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "Only this severity and above.")
    String severity;

    @Option(names = "--check", paramLabel = "ID", description = "Only this check.")
    String check;

    @Option(names = "--account", paramLabel = "ID", description = "Only this account.")
    String account;

    @Option(names = "--classification", paramLabel = "LEVEL", description = "Only data of this classification level.")
    String classification;

    @Option(names = "--since", paramLabel = "AGE", description = "open: failing for at most this long; resolved: fixed within it (default 30d).")
    String since;

    @Option(names = "--at", paramLabel = "DATE", description = "open: as they stood at this date (ISO-8601, e.g. 2026-10-01T00:00:00Z).")
    String at;

    @Override
    public Integer call() {
        Severity threshold = severity == null ? null : parseSeverity();
        try (HistoryStore store = db.openExisting()) {
            if (check != null || account != null || classification != null) { // the history's values are read only to check a filter
                io.atrest.sql.KnownValues known = store.queries().knownValues();
                java.util.Set<String> checks = new java.util.TreeSet<>(known.checks());
                io.atrest.scanner.check.CheckCatalog.standard().checks().forEach(c -> checks.add(c.info().id()));
                KnownFilter.require("--check", check, "a check", checks);
                KnownFilter.require("--account", account, "an account", known.accounts());
                KnownFilter.require("--classification", classification, "a classification", known.classifications());
            }
            Table table = switch (status) {
                case open -> open(store, threshold);
                case resolved -> resolved(store, threshold);
                case accepted -> accepted(store, threshold);
            };
            spec.commandLine().getOut().print(table.render(output.format));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    private Table open(HistoryStore store, Severity threshold) {
        Instant when = at == null ? Instant.now() : parseInstant();
        ScanRun run = (at == null ? store.runLog().recentStoredRuns(1).stream().findFirst() : store.runLog().lastStoredRunAt(when))
                .orElseThrow(() -> new UserError("no stored run" + (at == null ? "" : " by " + at)));
        Instant openedAfter = since == null ? null : when.minus(Age.parse("--since", since));
        List<StoredFinding> rows = store.queries().failingFindings(run.id()).stream()
                .filter(f -> threshold == null || Severity.valueOf(f.severity()).atLeast(threshold))
                .filter(f -> check == null || check.equals(f.checkId()))
                .filter(f -> account == null || account.equals(f.accountId()))
                .filter(f -> classification == null || classification.equalsIgnoreCase(f.classification()))
                .filter(f -> openedAfter == null || (f.failingSince() != null && !f.failingSince().isBefore(openedAfter)))
                .sorted(Comparator.comparing((StoredFinding f) -> DiffCommand.severityRank(f.severity()))
                        .thenComparing(StoredFinding::accountId).thenComparing(StoredFinding::resourceArn))
                .toList();
        Table table = new Table("severity", "check", "account", "region", "resource", "classification", "failing_since",
                "days_open", "message");
        for (StoredFinding f : rows) {
            table.row(f.severity(), f.checkId(), f.accountId(), f.region(), f.resourceArn(), f.classification(), f.failingSince(),
                    f.failingSince() == null ? null : Duration.between(f.failingSince(), run.startedAt()).toDays(), f.message());
        }
        return table;
    }

    /** The accepted risks of the newest stored run (or the one at --at): failures an exemption covers, until when and why. */
    private Table accepted(HistoryStore store, Severity threshold) {
        Instant when = at == null ? Instant.now() : parseInstant();
        ScanRun run = (at == null ? store.runLog().recentStoredRuns(1).stream().findFirst() : store.runLog().lastStoredRunAt(when))
                .orElseThrow(() -> new UserError("no stored run" + (at == null ? "" : " by " + at)));
        Table table = new Table("severity", "check", "account", "region", "resource", "classification", "failing_since",
                "accepted_until", "exemption", "failure");
        store.queries().acceptedFindings(run.id()).stream()
                .filter(f -> threshold == null || Severity.valueOf(f.severity()).atLeast(threshold))
                .filter(f -> check == null || check.equals(f.checkId()))
                .filter(f -> account == null || account.equals(f.accountId()))
                .filter(f -> classification == null || classification.equalsIgnoreCase(f.classification()))
                .sorted(Comparator.comparing((StoredFinding f) -> f.evidence().getOrDefault("acceptedUntil", ""))
                        .thenComparing(StoredFinding::resourceArn))
                .forEach(f -> table.row(f.severity(), f.checkId(), f.accountId(), f.region(), f.resourceArn(), f.classification(),
                        f.failingSince(), f.evidence().get("acceptedUntil"), f.evidence().get("exemption"), f.evidence().get("failure")));
        return table;
    }

    private Table resolved(HistoryStore store, Severity threshold) {
        Instant from = Instant.now().minus(Age.parse("--since", since == null ? "30d" : since));
        List<ResolvedFinding> rows = store.queries().resolvedSince(from).stream()
                .filter(f -> threshold == null || Severity.valueOf(f.severity()).atLeast(threshold))
                .filter(f -> check == null || check.equals(f.checkId()))
                .filter(f -> account == null || account.equals(f.accountId()))
                .filter(f -> classification == null || classification.equalsIgnoreCase(f.classification()))
                .toList();
        Table table = new Table("severity", "check", "account", "region", "resource", "classification", "failing_since",
                "resolved_at", "days_to_fix");
        for (ResolvedFinding f : rows) {
            table.row(f.severity(), f.checkId(), f.accountId(), f.region(), f.resourceArn(), f.classification(), f.failingSince(),
                    f.resolvedAt(), Duration.between(f.failingSince(), f.resolvedAt()).toDays());
        }
        return table;
    }

    private Severity parseSeverity() {
        try {
            return Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new UserError("--severity: " + e.getMessage());
        }
    }

    private Instant parseInstant() {
        try {
            return at.length() == 10 ? java.time.LocalDate.parse(at).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserError("--at: '" + at + "' is not a date (2026-10-01) or an instant (2026-10-01T00:00:00Z)");
        }
    }
}
