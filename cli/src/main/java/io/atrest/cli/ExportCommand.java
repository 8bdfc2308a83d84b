package io.atrest.cli;

import io.atrest.report.export.ExportContext;
import io.atrest.report.export.FindingExport;
import io.atrest.report.export.FindingStatus;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Export a stored run's findings, each with its status (new, in progress, suppressed, resolved, ...): json, "
                + "csv, ocsf (OCSF 1.3 Compliance Finding, JSON Lines), asff (Security Hub batches, a folder per account and region: "
                + "--out DIR) or junit (JUnit XML for CI, failures at or above --fail-on).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = {"--output", "--format"}, required = true, description = "json, csv, ocsf, asff or junit (--format is the older name).")
    FindingExport.Format format;

    @Mixin
    RunOption runOption;

    @Mixin
    FindingFilterOptions filters;

    @Option(names = "--out", paramLabel = "FILE|DIR", description = "Write to FILE (asff: into the folder DIR), created readable by its "
            + "owner only; default: stdout.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
            description = "junit: failures of this severity and above fail their test case; the others are skipped (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Override
    public Integer call() throws IOException {
        Severity gate = gate();
        if (format == FindingExport.Format.asff && out == null) {
            throw new UserError("--output asff writes a folder per account and region: give --out DIR");
        }
        try (HistoryStore store = db.openExisting()) {
            ScanRun run = runOption.storedRun(store);
            var filter = filters.filter(store);
            ExportContext context = ExportContext.of(store, run, VersionProvider.version());
            Map<FindingStatus, Long> written;
            if (format == FindingExport.Format.asff) {
                written = FindingExport.export(store, context, filter, FindingExport.asff(context, folder(), OwnerOnlyFiles::create));
            } else if (out == null) {
                Writer writer = spec.commandLine().getOut();
                written = FindingExport.export(store, context, filter, FindingExport.to(format, context, writer, gate));
                writer.flush();
            } else {
                try (Writer writer = Files.newBufferedWriter(OwnerOnlyFiles.create(out), StandardCharsets.UTF_8)) {
                    written = FindingExport.export(store, context, filter, FindingExport.to(format, context, writer, gate));
                } catch (IOException e) {
                    throw new UserError("cannot write " + out + ": " + e.getMessage());
                }
            }
            if (out != null) {
                long total = written.values().stream().mapToLong(Long::longValue).sum();
                spec.commandLine().getErr().println("wrote " + total + " finding(s) of run " + run.id() + " to " + out + " ("
                        + written.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ")");
            }
            return ExitCode.OK;
        }
    }

    private Path folder() {
        try {
            return OwnerOnlyFiles.createFolders(out);
        } catch (IOException e) {
            throw new UserError("cannot create " + out + ": " + e.getMessage());
        }
    }

    private Severity gate() {
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new UserError("--fail-on: " + e.getMessage());
        }
    }
}
