package io.atrest.cli;

import io.atrest.report.ReportDocument;
import io.atrest.report.ReportFormat;
import io.atrest.report.management.ManagementReportQuery;
import io.atrest.pipeline.RunRecorder;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.Weights;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Simulate a built-in fictional organization (no AWS access) over a number of nights: stores appear, "
                + "get fixed and regress, a key is scheduled for deletion while still in use. Every night goes through the "
                + "real evaluation and storage path; then the last night's summary is printed and the management report "
                + "written as PDF and HTML.",
                "The default demo database is started afresh each time; another --db must be empty."})
final class DemoCommand extends StoringCommand implements Callable<Integer> {
    static final String RESOURCE = DemoHistory.RESOURCE;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = Defaults.DEMO_DATABASE,
            description = "Database for the demo's history (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--nights", defaultValue = "90", paramLabel = "N",
            description = "How many nightly scans to simulate, the last one this morning at 02:00 UTC (default: ${DEFAULT-VALUE}).")
    int nights;

    @Option(names = "--reports", paramLabel = "FOLDER", defaultValue = Defaults.DATA_FOLDER + "/reports",
            description = "Where the management report goes (default: ${DEFAULT-VALUE}).")
    Path reports;

    @picocli.CommandLine.Mixin
    PolicyOption policy;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        Severity threshold = failOnSeverity();
        ClassificationPolicy classification = policy.load(); // a broken policy fails before anything is written
        Instant now = clock.instant();
        DemoHistory history = new DemoHistory(nights, lastNightAt(now));
        if (Defaults.DEMO_DATABASE.equals(database)) {
            forgetDefaultDemoDatabase();
        }
        PrintWriter err = spec.commandLine().getErr();
        try (HistoryStore store = HistoryStore.open(database)) {
            if (!store.runLog().recentRuns(1).isEmpty()) {
                throw new UserError("the demo writes " + nights + " nights of fictional history and needs an empty database; "
                        + database + " already holds runs (leave out --db to use the demo's own)");
            }
            long runId = -1;
            for (int night = 0; night < history.nights(); night++) {
                Instant scannedAt = history.scannedAt(night);
                Inventory inventory = history.night(night);
                RunRecorder recorder = new RunRecorder(store, CheckCatalog.standard(), classification,
                        Clock.fixed(scannedAt.plus(Duration.ofMinutes(3)), java.time.ZoneOffset.UTC), VersionProvider.version());
                runId = recorder.record("DEMO", scannedAt, inventory);
            }
            err.println("Simulated " + nights + " night(s) of the fictional organization into " + database);
            int code = report(store, runId, threshold);
            ReportDocument document = ReportDocument.of(
                    new ManagementReportQuery(store, CheckCatalog.standard(), Weights.of(classification.weights()),
                            ManagementReportQuery.restrictedLevels(classification))
                            .read(now, Duration.ofDays(Math.max(nights, 1))));
            // stdout keeps the run's summary alone (it may be JSON); where the reports went is for the person.
            for (ReportFormat format : ReportFormat.values()) {
                Path file = ReportFiles.write(document, format, reports.resolve("demo-management." + format.extension()));
                err.println("Management report (" + format.extension() + "): " + file);
            }
            err.flush();
            return code;
        }
    }

    /** The most recent 02:00 UTC at or before {@code now}: the demo's nightly scans ran then. */
    static Instant lastNightAt(Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(2));
        return today.isAfter(now) ? today.minus(Duration.ofDays(1)) : today;
    }

    /** The default demo database is the demo's scratch space: each demo starts it afresh. */
    private static void forgetDefaultDemoDatabase() throws IOException {
        String file = Defaults.DEMO_DATABASE.substring("jdbc:h2:file:".length());
        for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    /** The last night of the demo organization, for commands that show it without a history (keys). */
    static Inventory demoInventory() {
        return new DemoHistory(1, lastNightAt(Instant.now())).night(0);
    }

    /** The fictional organization fails some calls on purpose, to show NOT_EVALUATED: that is the demo, not a failure. */
    @Override
    boolean partialFails() {
        return false;
    }
}
