package io.atrest.report;

import io.atrest.sql.errors.ErrorGroup;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.OutcomeCount;
import io.atrest.sql.ScanRun;
import java.util.Comparator;
import java.util.List;

/**
 * What a run found, in numbers: the run itself, the accounts it stored, and findings per
 * severity and outcome, and the calls it could not make, grouped. Read from the history store, never from the scan in memory, so what
 * is printed is what was kept.
 */
public record RunSummary(ScanRun run, int accountsStored, List<OutcomeCount> counts, List<ErrorGroup> failedCalls) {

    private static final List<String> SEVERITY_ORDER = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");

    public static RunSummary load(HistoryStore store, long runId) {
        ScanRun run = store.runLog().run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        List<OutcomeCount> counts = store.queries().outcomeCounts(runId).stream()
                .sorted(Comparator.comparingInt(c -> SEVERITY_ORDER.indexOf(c.severity())))
                .toList();
        return new RunSummary(run, store.queries().accountsStored(runId), counts, store.runErrors().groups(runId));
    }

    public long failed() {
        return counts.stream().mapToLong(OutcomeCount::failed).sum();
    }

    public long notEvaluated() {
        return counts.stream().mapToLong(OutcomeCount::notEvaluated).sum();
    }

    /** Failed findings of {@code severity}, zero when none. */
    public long failed(String severity) {
        return counts.stream().filter(c -> c.severity().equals(severity)).mapToLong(OutcomeCount::failed).sum();
    }
}
