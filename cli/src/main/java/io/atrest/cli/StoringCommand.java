package io.atrest.cli;

import io.atrest.report.RunSummary;
import io.atrest.report.SummaryRenderer;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
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

    @Option(names = "--allow-partial",
            description = "Exit 0 (or 1 for --fail-on) when the run is PARTIAL; without it a PARTIAL run exits 4.")
    boolean allowPartial;

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

    /**
     * Prints the stored run's summary and returns the exit code it calls for: 1 for failed
     * findings at or above --fail-on (the gate failed, whatever could not be read), else 4 for a
     * PARTIAL run (the gate could not be confirmed) unless --allow-partial, else 0. Each non-zero
     * code is explained in one line on stderr.
     */
    int report(HistoryStore store, long runId, Severity threshold) {
        RunSummary summary = RunSummary.load(store, runId);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output == Output.json ? SummaryRenderer.json(summary) : SummaryRenderer.table(summary));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        long atOrAbove = 0;
        if (threshold != null) {
            for (Severity severity : Severity.values()) {
                if (severity.atLeast(threshold)) {
                    atOrAbove += summary.failed(severity.name());
                }
            }
        }
        if (atOrAbove > 0) {
            err.printf(java.util.Locale.ROOT, "atrest: %d failed finding(s) at or above %s (--fail-on)%n", atOrAbove,
                    threshold.name().toLowerCase(java.util.Locale.ROOT));
        }
        boolean partial = summary.run().status() == RunStatus.PARTIAL && partialFails() && !allowPartial;
        if (partial) {
            err.printf(java.util.Locale.ROOT, "atrest: run %d is PARTIAL: %d call(s) failed, %d finding(s) NOT_EVALUATED "
                    + "(atrest errors --run %d; --allow-partial to exit 0)%n",
                    runId, summary.run().collectionErrors(), summary.notEvaluated(), runId);
        }
        err.flush();
        return atOrAbove > 0 ? ExitCode.FINDINGS : partial ? ExitCode.PARTIAL : ExitCode.OK;
    }

    /** Whether a PARTIAL run exits 4: yes for what read AWS or a saved inventory, no for the demo's simulation. */
    boolean partialFails() {
        return true;
    }
}
