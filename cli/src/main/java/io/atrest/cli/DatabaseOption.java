package io.atrest.cli;

import picocli.CommandLine.Option;

/** --db, shared by every command that reads or writes the history. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${ATREST_DB:-" + Defaults.DATABASE + "}",
            description = "History database (default: ${DEFAULT-VALUE}); jdbc:postgresql://... for a shared one.")
    String url;
}
