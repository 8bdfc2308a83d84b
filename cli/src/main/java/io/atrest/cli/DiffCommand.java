package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.sql.FindingChange;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Findings new, regressed and resolved between two runs (default: the last two stored runs).")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    OutputOption output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_A", description = "The earlier run.")
    Long runA;

    @Parameters(index = "1", arity = "0..1", paramLabel = "RUN_B", description = "The later run.")
    Long runB;

    @Override
    public Integer call() {
        try (HistoryStore store = db.openExisting()) {
            long a;
            long b;
            if (runA == null) {
                List<ScanRun> last = store.runLog().recentStoredRuns(2);
                if (last.size() < 2) {
                    throw new UserError("diff needs two stored runs; this database has " + last.size());
                }
                a = last.get(1).id();
                b = last.get(0).id();
            } else {
                a = runA;
                b = runB != null ? runB : store.runLog().recentStoredRuns(1).stream().map(ScanRun::id).findFirst()
                        .orElseThrow(() -> new UserError("no stored run to compare with"));
            }
            check(store, a);
            check(store, b);
            if (a >= b) {
                throw new UserError("RUN_A (" + a + ") must be earlier than RUN_B (" + b + ")");
            }
            List<FindingChange> changes = store.queries().diff(a, b).stream()
                    .sorted(Comparator.comparing(FindingChange::kind).thenComparing(c -> severityRank(c.severity()))
                            .thenComparing(FindingChange::resourceArn))
                    .toList();
            Table table = new Table("change", "severity", "check", "account", "resource", "before", "after");
            changes.forEach(c -> table.row(c.kind(), c.severity(), c.checkId(), c.accountId(), c.resourceArn(), c.before(), c.after()));
            if (output.format == Table.Format.table) {
                spec.commandLine().getOut().printf("Run %d -> run %d: %d new, %d regressed, %d resolved, %d accepted%n", a, b,
                        count(changes, FindingChange.Kind.NEW), count(changes, FindingChange.Kind.REGRESSED),
                        count(changes, FindingChange.Kind.RESOLVED), count(changes, FindingChange.Kind.ACCEPTED));
            }
            spec.commandLine().getOut().print(table.render(output.format));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    private static void check(HistoryStore store, long id) {
        ScanRun run = store.runLog().run(id).orElseThrow(() -> new UserError("no run " + id + " in this database"));
        if (run.status() != RunStatus.COMPLETE && run.status() != RunStatus.PARTIAL) {
            throw new UserError("run " + id + " is " + run.status() + ": only COMPLETE or PARTIAL runs can be compared");
        }
    }

    private static long count(List<FindingChange> changes, FindingChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    static int severityRank(String severity) {
        return List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO").indexOf(severity);
    }
}
