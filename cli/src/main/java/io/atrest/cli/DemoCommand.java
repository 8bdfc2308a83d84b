package io.atrest.cli;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Evaluate a built-in fictional organization (no AWS access) through the real evaluation "
                + "and storage path, and print the run's summary.")
final class DemoCommand extends StoringCommand implements Callable<Integer> {
    static final String RESOURCE = "/demo/organization.json";

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = Defaults.DEMO_DATABASE,
            description = "Database for the demo's history (default: ${DEFAULT-VALUE}).")
    String database;

    @picocli.CommandLine.Mixin
    PolicyOption policy;

    @Override
    public Integer call() {
        Severity threshold = failOnSeverity();
        ClassificationPolicy classification = policy.load(); // a broken policy fails before anything is written
        Inventory inventory = demoInventory();
        List<AccountScan> scans = RunRecorder.scansOf(inventory);
        try (HistoryStore store = HistoryStore.open(database)) {
            long runId = new RunRecorder(store, CheckCatalog.standard(), classification, Clock.systemUTC())
                    .record("DEMO", Instant.now(), inventory, scans);
            int code = report(store, runId, threshold);
            spec.commandLine().getErr().println("Demo history kept in " + database);
            return code;
        }
    }

    static Inventory demoInventory() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo organization is missing from the jar: " + RESOURCE);
            }
            return InventoryDocument.read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
