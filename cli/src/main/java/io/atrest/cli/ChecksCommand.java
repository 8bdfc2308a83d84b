package io.atrest.cli;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.CheckReference;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "checks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the checks atrest runs; --format markdown prints the reference in docs/checks.md.")
final class ChecksCommand implements Callable<Integer> {
    enum Format { table, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = {"--output", "--format"}, defaultValue = "table", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--service", paramLabel = "NAME", description = "Only checks whose id starts with it: s3, kms, ebs, rds, ...")
    String service;

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "Only checks of this severity or above.")
    String severity;

    @Option(names = "--framework", paramLabel = "ID", description = "Only checks mapped to an id containing this: 'FSBP', 'CIS 3.', 'S3.5'.")
    String framework;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckCatalog catalog = CheckCatalog.standard();
        io.atrest.scanner.policy.Severity threshold;
        try {
            threshold = severity == null ? null : io.atrest.scanner.policy.Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new UserError("--severity: " + e.getMessage());
        }
        if (service != null || threshold != null || framework != null) {
            catalog = CheckCatalog.of(catalog.checks().stream()
                    .filter(c -> service == null || c.info().id().startsWith(service.toLowerCase(Locale.ROOT) + "-"))
                    .filter(c -> threshold == null || c.info().severity().atLeast(threshold))
                    .filter(c -> framework == null || c.info().mappedTo().stream().anyMatch(m -> m.contains(framework)))
                    .toList());
        }
        if (format == Format.markdown) {
            out.print(CheckReference.markdown(catalog));
        } else {
            // The severity as findings carry it; where the data's level sets it, say so.
            io.atrest.report.Table table = new io.atrest.report.Table("check", "severity", "resource_type", "title");
            for (Check check : catalog.checks()) {
                table.row(check.info().id(), check.info().severityByLevel()
                                ? check.info().severity().name() + " (policy: the level's keyTierSeverity)" : check.info().severity().name(),
                        check.info().resourceType(), check.info().title());
            }
            out.print(table.render(io.atrest.report.Table.Format.table));
        }
        out.flush();
        return ExitCode.OK;
    }
}
