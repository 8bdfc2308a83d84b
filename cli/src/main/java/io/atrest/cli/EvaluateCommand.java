package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.Evaluator;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Judge a saved inventory again (no AWS access, nothing stored) and show how the verdicts would "
                + "differ from the last stored run: what-if for a policy change.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    OutputOption output;

    @Mixin
    PolicyOption policy;

    @Option(names = "--inventory", required = true, paramLabel = "FILE", description = "A saved inventory (scan --save-inventory).")
    Path inventoryFile;

    @Override
    public Integer call() {
        ClassificationPolicy classification = policy.load();
        Inventory inventory = InventoryDocument.read(inventoryFile);
        List<Finding> findings = new Evaluator(CheckCatalog.standard(), classification).evaluate(inventory, Instant.now());
        Score score = Score.of(findings, classification.weights());
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = HistoryStore.open(db.url)) {
            Optional<ScanRun> last = store.runLog().recentStoredRuns(1).stream().findFirst();
            Map<String, StoredFinding> before = new HashMap<>();
            last.ifPresent(run -> store.queries().findings(run.id()).forEach(f -> before.put(f.resourceArn() + " " + f.checkId(), f)));
            Table table = new Table("check", "resource", "account", "before", "after", "severity", "message");
            int changed = 0;
            for (Finding f : findings) {
                StoredFinding was = before.get(f.resource().arn() + " " + f.checkId());
                String previous = was == null ? null : was.outcome();
                if (!f.outcome().name().equals(previous)) {
                    changed++;
                    table.row(f.checkId(), f.resource().arn(), f.resource().accountId(), previous, f.outcome(), f.severity(), f.message());
                }
            }
            if (output.format == Table.Format.table) {
                out.printf("What-if: %d finding(s) would change; score %s -> %s, coverage %s%n", changed,
                        last.map(r -> r.score() == null ? "n/a" : String.format("%.1f", r.score())).orElse("(no stored run)"),
                        score.score() == null ? "n/a" : String.format("%.1f", score.score()),
                        score.coverage() == null ? "n/a" : String.format("%.1f%%", score.coverage() * 100));
            }
            out.print(table.render(output.format));
            out.flush();
            return ExitCode.OK;
        }
    }
}
