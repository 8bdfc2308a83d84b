package io.atrest.cli;

import io.atrest.scanner.inventory.InventoryDocument.InventoryFormatException;
import io.atrest.cli.schedule.ScheduleError;
import io.atrest.pipeline.RunRefused;
import io.atrest.sql.HistoryException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The atrest command line. */
@Command(name = "atrest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "How well the data an AWS Organization keeps is protected at rest, account by account.",
        subcommands = {ScanCommand.class, DemoCommand.class, HistoryCommand.class, DiffCommand.class, FindingsCommand.class,
                DbCommand.class, PolicyCommand.class, EvaluateCommand.class, KeysCommand.class, ScoresCommand.class, TrendsCommand.class, ExportCommand.class, PublishCommand.class, ReportCommand.class, ScheduleCommand.class, ChecksCommand.class,
                IamPolicyCommand.class, ErrorsCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 findings at or above --fail-on, 2 usage or configuration error, "
                + "3 the scan could not run, 4 the run is PARTIAL (unless --allow-partial), 130/143 interrupted (SIGINT/SIGTERM)."})
public final class Atrest implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs atrest with {@code args}; returns the exit code. Tests call this directly. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Atrest());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(Atrest::exitCode);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("atrest: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            err.println("atrest: " + oneLine(e));
            if (debugRequested(args)) {
                e.printStackTrace(err);
            }
            return exitCode(e);
        });
        return cli.execute(args);
    }

    static int exitCode(Throwable e) {
        if (e instanceof UserError || e instanceof RunRefused || e instanceof ScheduleError || e instanceof HistoryException
                || e instanceof InventoryFormatException || e instanceof IllegalArgumentException
                || e instanceof io.atrest.scanner.policy.PolicyFileException) {
            return ExitCode.USAGE;
        }
        return ExitCode.SCAN_FAILED; // RunFailed, and anything unforeseen
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.split("\n", 2)[0];
    }

    private static boolean debugRequested(String[] args) {
        for (String arg : args) {
            if ("--debug".equals(arg)) {
                return true;
            }
        }
        return false;
    }
}
