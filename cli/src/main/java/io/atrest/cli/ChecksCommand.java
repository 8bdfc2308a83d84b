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

    @Option(names = "--format", defaultValue = "table", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckCatalog catalog = CheckCatalog.standard();
        if (format == Format.markdown) {
            out.print(CheckReference.markdown(catalog));
        } else {
            for (Check check : catalog.checks()) {
                out.printf(Locale.ROOT, "%-30s %-9s %-12s %s%n", check.info().id(),
                        check.info().severity().name().toLowerCase(Locale.ROOT), check.info().resourceType(), check.info().title());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
