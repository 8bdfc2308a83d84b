package io.atrest.cli;

import io.atrest.pipeline.AwsScanners;
import io.atrest.pipeline.RunOutcome;
import io.atrest.pipeline.RunRecorder;
import io.atrest.pipeline.ScanPipeline;
import io.atrest.pipeline.Sinks;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Severity;
import io.atrest.scanner.sink.InMemorySink;
import io.atrest.scanner.sink.InventorySink;
import io.atrest.sql.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Scan the AWS Organization (or one account), store the run and print its summary.")
final class ScanCommand extends StoringCommand implements Callable<Integer> {

    @Mixin
    LiveScanOptions live;

    @Option(names = "--no-progress", description = "No progress bar on a terminal (one log line per account instead).")
    boolean noProgress;

    @Option(names = "--quiet", description = "No progress and no INFO log lines: warnings, errors and the summary only.")
    boolean quiet;

    @Option(names = "--save-inventory", paramLabel = "FILE", description = "Also write the collected inventory (JSON, .gz to compress).")
    Path saveInventory;

    @Option(names = "--from-inventory", paramLabel = "FILE",
            description = "Evaluate and store a saved inventory instead of scanning: no AWS access.")
    Path fromInventory;

    @Override
    public Integer call() {
        Severity threshold = failOnSeverity();
        ClassificationPolicy classification = live.policy.load(); // a broken policy fails before anything is written
        live.validate();
        if (fromInventory != null) {
            return evaluateSaved(threshold, classification);
        }
        if (saveInventory != null) {
            Path folder = saveInventory.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
                throw new UserError("--save-inventory: cannot write into " + folder);
            }
        }
        if (quiet && org.slf4j.LoggerFactory.getLogger("io.atrest") instanceof ch.qos.logback.classic.Logger atrest) {
            atrest.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        // Open the database first: a wrong URL or a locked file must fail before any AWS call.
        try (HistoryStore store = HistoryStore.open(live.db.url); ScanProgress progress = noProgress || quiet ? new ScanProgress(null) : ScanProgress.forConsole();
             Interrupts interrupts = Interrupts.install(spec.commandLine().getErr());
             InventorySink sink = saveInventory != null ? new InMemorySink() : Sinks.onDisk()) {
            ScanPipeline pipeline = new ScanPipeline(new AwsScanners(live.request(classification)), classification, Clock.systemUTC(),
                    VersionProvider.version());
            RunOutcome outcome = pipeline.run(store, "SCAN", interrupts, progress, sink);
            progress.close(); // the bar ends on its own line before the summary, and is not drawn again
            if (outcome.stopped()) {
                String why = store.runLog().run(outcome.runId()).map(r -> r.message()).orElse("");
                spec.commandLine().getErr().println("atrest: run " + outcome.runId() + " ABANDONED: " + why);
                spec.commandLine().getErr().flush();
                return interrupts.exitCode();
            }
            if (sink instanceof InMemorySink whole) {
                InventoryDocument.write(whole.whole(), saveInventory);
            }
            int code = report(store, outcome.runId(), threshold);
            return outcome.nothingRead() ? ExitCode.SCAN_FAILED : code;
        }
    }

    /** --from-inventory: the same evaluation and storage as a scan, from a saved document. */
    private int evaluateSaved(Severity threshold, ClassificationPolicy classification) {
        Inventory inventory = InventoryDocument.read(fromInventory);
        try (HistoryStore store = HistoryStore.open(live.db.url)) {
            long runId = new RunRecorder(store, CheckCatalog.standard(), classification, Clock.systemUTC(), VersionProvider.version())
                    .record("INVENTORY", Instant.now(), inventory);
            return report(store, runId, threshold);
        }
    }
}
