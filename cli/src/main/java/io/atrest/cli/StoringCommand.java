package io.atrest.cli;

import io.atrest.report.RunSummary;
import io.atrest.report.SummaryRenderer;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options and output shared by the commands that run an evaluation and store it. */
abstract class StoringCommand {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--output", defaultValue = "table", description = "Summary format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with 1 when a failed finding is at or above this severity: critical, high, medium, low, info.")
    String failOn;

    Severity failOnSeverity() {
        if (failOn == null) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new UserError("--fail-on: " + e.getMessage());
        }
    }

    /** Prints the stored run's summary; returns the exit code the findings call for. */
    int report(HistoryStore store, long runId, Severity threshold) {
        RunSummary summary = RunSummary.load(store, runId);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output == Output.json ? SummaryRenderer.json(summary) : SummaryRenderer.table(summary));
        out.flush();
        if (threshold != null) {
            for (Severity severity : Severity.values()) {
                if (severity.atLeast(threshold) && summary.failed(severity.name()) > 0) {
                    return ExitCode.FINDINGS;
                }
            }
        }
        return ExitCode.OK;
    }
}
