package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.sql.CheckFailures;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.KeysAtRisk;
import io.atrest.sql.RemediationTime;
import io.atrest.sql.ScanRun;
import io.atrest.sql.TrendPoint;
import io.atrest.sql.TrendScope;
import io.atrest.sql.Weights;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "trends", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Whether protection is getting better or worse: score and coverage per run, mean time to remediate, "
                + "top failing checks and keys at risk, for the organization, an account, an OU or a classification level.")
final class TrendsCommand implements Callable<Integer> {
    enum Show { score, remediation, checks, keys }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    OutputOption output;

    @Mixin
    PolicyOption policy;

    @Option(names = "--since", defaultValue = "90d", paramLabel = "AGE", description = "How far back (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--show", defaultValue = "score", description = "score, remediation, checks or keys (default: ${DEFAULT-VALUE}).")
    Show show;

    @ArgGroup(exclusive = true)
    Scope scope;

    static final class Scope {
        @Option(names = "--account", paramLabel = "ID", description = "One account.")
        String account;

        @Option(names = "--ou", paramLabel = "PATH", description = "An OU and everything below it, e.g. Root/Workloads/Prod.")
        String ou;

        @Option(names = "--classification", paramLabel = "LEVEL", description = "One classification level.")
        String classification;
    }

    @Override
    public Integer call() {
        Weights weights = Weights.of(policy.load().weights());
        Instant from = Instant.now().minus(Age.parse("--since", since));
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = db.openExisting()) {
            TrendScope trendScope = TrendScope.organization();
            if (scope != null) {
                io.atrest.sql.KnownValues known = store.queries().knownValues();
                String account = KnownFilter.require("--account", scope.account, "an account", known.accounts());
                String ou = KnownFilter.require("--ou", scope.ou, "an OU path", KnownFilter.ouPathsAndParents(known.ouPaths()));
                String level = KnownFilter.require("--classification", scope.classification, "a classification", known.classifications());
                trendScope = account != null ? TrendScope.account(account) : ou != null ? TrendScope.ou(ou) : TrendScope.classification(level);
            }
            Table table = switch (show) {
                case score -> {
                    Table t = new Table("run", "started", "score", "coverage", "passed", "failed", "not_evaluated");
                    for (TrendPoint p : store.queries().trend(trendScope, from, weights)) {
                        t.row(p.runId(), p.startedAt(), p.score(), p.coverage() == null ? null : p.coverage() * 100, p.passed(),
                                p.failed(), p.notEvaluated());
                    }
                    yield t;
                }
                case remediation -> {
                    Table t = new Table("severity", "remediated", "mean_days_to_fix");
                    for (RemediationTime r : store.queries().remediationTimes(from)) {
                        t.row(r.severity(), r.remediated(), r.meanDays());
                    }
                    yield t;
                }
                case checks -> {
                    Table t = new Table("check", "severity", "failed", "evaluated");
                    List<ScanRun> last = store.runLog().recentStoredRuns(1);
                    if (!last.isEmpty()) {
                        for (CheckFailures c : store.queries().topFailingChecks(last.get(0).id(), 20)) {
                            t.row(c.checkId(), c.severity(), c.failed(), c.evaluated());
                        }
                    }
                    yield t;
                }
                case keys -> {
                    Table t = new Table("run", "started", "pending_deletion_in_use", "disabled_in_use");
                    for (KeysAtRisk k : store.queries().keysAtRisk(from)) {
                        t.row(k.runId(), k.startedAt(), k.pendingDeletionInUse(), k.disabledInUse());
                    }
                    yield t;
                }
            };
            out.print(table.render(output.format));
            out.flush();
            return ExitCode.OK;
        }
    }
}
