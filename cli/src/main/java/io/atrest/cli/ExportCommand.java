package io.atrest.cli;

import io.atrest.report.export.FindingExport;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Export a stored run's findings: json, csv, ocsf (OCSF 1.3 Compliance Finding) or asff "
                + "(Security Hub BatchImportFindings).")
final class ExportCommand implements Callable<Integer> {
    enum Format { json, csv, ocsf, asff }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = {"--output", "--format"}, required = true, description = "json, csv, ocsf or asff (--format is the older name).")
    Format format;

    @Mixin
    RunOption runOption;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (created readable by its owner only); default: stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        FindingExport export = FindingExport.forFormat(format.name(), VersionProvider.version());
        try (HistoryStore store = db.openExisting()) {
            ScanRun run = runOption.storedRun(store);
            var findings = store.queries().findings(run.id());
            if (out == null) {
                Writer writer = spec.commandLine().getOut();
                export.write(run, findings, writer);
                writer.flush();
            } else {
                try (Writer writer = Files.newBufferedWriter(OwnerOnlyFiles.create(out), StandardCharsets.UTF_8)) {
                    export.write(run, findings, writer);
                } catch (IOException e) {
                    throw new UserError("cannot write " + out + ": " + e.getMessage());
                }
                spec.commandLine().getErr().println("wrote " + findings.size() + " finding(s) of run " + run.id() + " to " + out);
            }
            return ExitCode.OK;
        }
    }
}
