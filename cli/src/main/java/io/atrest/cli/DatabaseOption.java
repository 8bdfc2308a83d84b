package io.atrest.cli;

import picocli.CommandLine.Option;

/** --db, shared by every command that reads or writes the history. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${ATREST_DB:-" + Defaults.DATABASE + "}",
            description = "History database (default: ${DEFAULT-VALUE}); jdbc:postgresql://... for a shared one.")
    String url;

    /**
     * The history, for a command that only reads it: a database that does not exist yet is one
     * line with the likely fix (exit 2), and nothing is created.
     */
    io.atrest.sql.HistoryStore openExisting() {
        return io.atrest.sql.HistoryStore.openExisting(url, hint());
    }

    /** What the user most likely meant: the demo's database after ./atrest demo, else a first scan. */
    private String hint() {
        if (!url.equals(Defaults.DATABASE)) {
            return null;
        }
        boolean demoRan = java.nio.file.Files.exists(java.nio.file.Path.of(
                Defaults.DEMO_DATABASE.substring("jdbc:h2:file:".length()) + ".mv.db"));
        return demoRan ? "the demo's history is in --db " + Defaults.DEMO_DATABASE
                : "run ./atrest scan first (or ./atrest demo, then --db " + Defaults.DEMO_DATABASE + ")";
    }
}
