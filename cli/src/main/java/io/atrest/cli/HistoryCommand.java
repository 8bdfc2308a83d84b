package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Recent runs: status, duration, score and its change, coverage.")
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    OutputOption output;

    @Option(names = "--limit", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UserError("--limit must be at least 1");
        }
        try (HistoryStore store = db.openExisting()) {
            List<ScanRun> runs = store.runLog().recentRuns(limit + 1);
            Table table = new Table("run", "started", "trigger", "status", "duration_s", "accounts_done", "accounts_planned",
                    "resources", "score", "delta", "coverage", "errors", "reason");
            for (int i = 0; i < Math.min(limit, runs.size()); i++) {
                ScanRun run = runs.get(i);
                Double previous = previousScore(runs, i);
                Double delta = run.score() == null || previous == null ? null : run.score() - previous;
                table.row(run.id(), run.startedAt(), run.runTrigger(), run.status(),
                        run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt()).toSeconds(),
                        run.accountsDone(), run.accountsPlanned(), run.resources(), run.score(), delta,
                        run.coverage() == null ? null : run.coverage() * 100, run.collectionErrors(),
                        run.status() == RunStatus.COMPLETE ? null : run.message());
            }
            spec.commandLine().getOut().print(table.render(output.format));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    /**
     * The score of the next older run that counts in trends (COMPLETE or PARTIAL) and covered the
     * same scope (organization and accounts planned): a scan of one account is no change from a
     * scan of five.
     */
    private static Double previousScore(List<ScanRun> newestFirst, int index) {
        ScanRun run = newestFirst.get(index);
        for (int j = index + 1; j < newestFirst.size(); j++) {
            ScanRun older = newestFirst.get(j);
            if (older.status() == RunStatus.COMPLETE || older.status() == RunStatus.PARTIAL) {
                boolean sameScope = older.accountsPlanned() == run.accountsPlanned()
                        && java.util.Objects.equals(older.organizationId(), run.organizationId());
                return sameScope ? older.score() : null;
            }
        }
        return null;
    }
}
