package io.atrest.cli;

import io.atrest.sql.HistoryStore;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Look after the history database.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Prune.class})
final class DbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create or upgrade the schema (every command does this too), and mark dead runs ABANDONED.")
    static final class Migrate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Override
        public Integer call() {
            try (HistoryStore store = HistoryStore.open(db.url)) {
                HistoryStore.Migration m = store.migration();
                String redacted = db.url.replaceAll("(?i)(password=)[^&;]*", "$1***");
                spec.commandLine().getOut().println(m.from() == null ? "database " + redacted + " created at schema version " + m.to()
                        : m.applied() == 0 ? "database " + redacted + " is up to date at schema version " + m.to()
                        : "database " + redacted + " upgraded from schema version " + m.from() + " to " + m.to()
                                + " (" + m.applied() + " migration(s))");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Delete runs older than --keep; findings still open across the cut are kept whole.")
    static final class Prune implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--keep", required = true, paramLabel = "AGE", description = "How much history to keep, e.g. 400d.")
        String keep;

        @Override
        public Integer call() {
            Instant cutoff = Instant.now().minus(Age.parse("--keep", keep));
            try (HistoryStore store = db.openExisting()) {
                int deleted = store.retention().prune(cutoff);
                spec.commandLine().getOut().println("deleted " + deleted + " run(s) that started before " + cutoff);
                return ExitCode.OK;
            }
        }
    }
}
