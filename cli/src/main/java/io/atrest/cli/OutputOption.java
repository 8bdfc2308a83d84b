package io.atrest.cli;

import io.atrest.report.Table;
import picocli.CommandLine.Option;

/** --output table|json|csv, shared by the commands that print rows. */
final class OutputOption {
    @Option(names = "--output", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Table.Format format;
}
