package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.ScopeScore;
import io.atrest.sql.StoredFinding;
import io.atrest.sql.Weights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scores", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Scores of a stored run (default: the last) by organization, OU, account or resource, each with its coverage.")
final class ScoresCommand implements Callable<Integer> {
    enum By { organization, ou, account, resource }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    OutputOption output;

    @Mixin
    PolicyOption policy;

    @Option(names = "--by", defaultValue = "account", description = "organization, ou, account or resource (default: ${DEFAULT-VALUE}).")
    By by;

    @Mixin
    RunOption runOption;

    @Override
    public Integer call() {
        Map<Severity, Integer> weights = policy.load().weights();
        try (HistoryStore store = db.openExisting()) {
            ScanRun run = runOption.storedRun(store);
            Table table = new Table(by.name(), "score", "coverage", "failed");
            List<ScopeScore> rows = switch (by) {
                case organization -> List.of(new ScopeScore(run.organizationId() == null ? "(standalone)" : run.organizationId(),
                        run.score(), run.coverage(), store.queries().outcomeCounts(run.id()).stream().mapToLong(c -> c.failed()).sum()));
                case ou -> store.queries().ouScores(run.id(), Weights.of(weights));
                case account -> store.queries().accountScores(run.id());
                case resource -> byResource(store.queries().findings(run.id()), weights);
            };
            rows.forEach(r -> table.row(r.scope(), r.score(), r.coverage() == null ? null : r.coverage() * 100, r.failed()));
            spec.commandLine().getOut().print(table.render(output.format));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    /** Per resource, the same formula as every other score: 100 x passed weight / evaluated weight. */
    private static List<ScopeScore> byResource(List<StoredFinding> findings, Map<Severity, Integer> weights) {
        Map<String, long[]> sums = new LinkedHashMap<>(); // passed weight, evaluated weight, evaluated, not evaluated, failed
        for (StoredFinding f : findings) {
            long[] s = sums.computeIfAbsent(f.resourceArn(), k -> new long[5]);
            int w = weights.getOrDefault(Severity.valueOf(f.severity()), 0);
            switch (f.outcome()) {
                case "PASS" -> { s[0] += w; s[1] += w; s[2]++; }
                case "FAIL" -> { s[1] += w; s[2]++; s[4]++; }
                case "NOT_EVALUATED" -> s[3]++;
                default -> { }
            }
        }
        List<ScopeScore> rows = new ArrayList<>();
        sums.forEach((arn, s) -> rows.add(new ScopeScore(arn, s[1] == 0 ? null : 100.0 * s[0] / s[1],
                s[2] + s[3] == 0 ? null : (double) s[2] / (s[2] + s[3]), s[4])));
        rows.sort(Comparator.comparing((ScopeScore r) -> r.score() == null ? 101 : r.score()).thenComparing(ScopeScore::scope));
        return rows;
    }
}
