package io.atrest.cli;

import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import picocli.CommandLine.Option;

/** --run, shared by the commands that read one run: the run asked for, or the last one stored. */
final class RunOption {
    @Option(names = "--run", paramLabel = "ID", description = "A stored run; default: the last.")
    Long id;

    /** The run asked for (any status), else the last run that stored results (COMPLETE or PARTIAL). */
    ScanRun storedRun(HistoryStore store) {
        if (id != null) {
            return asked(store);
        }
        return store.runLog().recentStoredRuns(1).stream().findFirst()
                .orElseThrow(() -> new UserError("no stored run in this database yet: run ./atrest scan first"));
    }

    /** The run asked for, else the last run whatever its status (a FAILED or ABANDONED one included). */
    ScanRun anyRun(HistoryStore store) {
        if (id != null) {
            return asked(store);
        }
        return store.runLog().recentRuns(1).stream().findFirst().orElseThrow(() -> new UserError("no run in this database yet"));
    }

    private ScanRun asked(HistoryStore store) {
        return store.runLog().run(id).orElseThrow(() -> new UserError("--run: no run " + id + " in this database"));
    }
}
