package io.atrest.sql.ingest;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts an account adds to its run, computed from its findings: what trends and reports read. */
final class RunCounts {
    private RunCounts() {}

    /** Writes the account's counts per check, severity and classification, their rollup without the check, and its gaps. */
    static void write(RunCountDao dao, long runId, Account account, List<Finding> findings) {
        List<RunCountDao.Aggregate> aggregates = aggregate(runId, account, findings);
        if (!aggregates.isEmpty()) {
            dao.insertAggregates(aggregates);
            dao.insertRollups(rollup(aggregates));
        }
        List<RunCountDao.NotEvaluatedCount> unknown = notEvaluated(runId, account, findings);
        if (!unknown.isEmpty()) {
            dao.insertNotEvaluated(unknown);
        }
    }

    static List<RunCountDao.Aggregate> aggregate(long runId, Account account, List<Finding> findings) {
        // By check, then a short list of (severity, classification) cells: a check's findings share a few. Cheaper
        // than a map keyed by a record of all three, whose hashCode a just-started JVM runs slowly, a million times.
        final class Cell {
            final Severity severity;
            final String classification;
            final int[] counts = new int[Outcome.values().length];

            Cell(Severity severity, String classification) {
                this.severity = severity;
                this.classification = classification;
            }
        }
        Map<String, List<Cell>> byCheck = new LinkedHashMap<>();
        for (Finding f : findings) {
            List<Cell> cells = byCheck.computeIfAbsent(f.checkId(), k -> new ArrayList<>(2));
            String classification = f.classification() == null ? "" : f.classification();
            Cell cell = null;
            for (Cell c : cells) {
                if (c.severity == f.severity() && c.classification.equals(classification)) {
                    cell = c;
                    break;
                }
            }
            if (cell == null) {
                cell = new Cell(f.severity(), classification);
                cells.add(cell);
            }
            cell.counts[f.outcome().ordinal()]++;
        }
        List<RunCountDao.Aggregate> rows = new ArrayList<>();
        byCheck.forEach((checkId, cells) -> cells.forEach(c -> rows.add(new RunCountDao.Aggregate(runId, account.id(),
                account.ouPathText(), checkId, c.severity.name(), c.classification, c.counts[0], c.counts[1], c.counts[2], c.counts[3],
                c.counts[4]))));
        return rows;
    }

    /** The run's fixes per severity, with the seconds they had been failing: the report's weekly and mean figures. */
    static List<RunCountDao.RemediatedCount> remediated(long runId, String accountId, List<FindingStateDao.Fix> fixes) {
        Map<String, long[]> bySeverity = new TreeMap<>();
        for (FindingStateDao.Fix fix : fixes) {
            long[] c = bySeverity.computeIfAbsent(fix.severity(), k -> new long[2]);
            c[0]++;
            c[1] += fix.secondsOpen();
        }
        List<RunCountDao.RemediatedCount> rows = new ArrayList<>();
        bySeverity.forEach((severity, c) -> rows.add(new RunCountDao.RemediatedCount(runId, accountId, severity, (int) c[0], c[1])));
        return rows;
    }

    /** NOT_EVALUATED findings per check, reason and failed call: the report's coverage appendix. */
    static List<RunCountDao.NotEvaluatedCount> notEvaluated(long runId, Account account, List<Finding> findings) {
        record Cell(String checkId, String reason, String failedOperation) {}
        Map<Cell, Integer> counts = new HashMap<>();
        for (Finding f : findings) {
            if (f.outcome() == Outcome.NOT_EVALUATED) {
                counts.merge(new Cell(f.checkId(), f.reason() == null ? null : f.reason().name(), f.failedOperation()), 1, Integer::sum);
            }
        }
        List<RunCountDao.NotEvaluatedCount> rows = new ArrayList<>();
        counts.forEach((k, n) -> rows.add(new RunCountDao.NotEvaluatedCount(runId, account.id(), k.checkId(), k.reason(),
                Sql.truncate(k.failedOperation(), 128), n)));
        return rows;
    }

    /** The aggregates without the check: what score and coverage trends read (run_rollup). */
    static List<RunCountDao.Aggregate> rollup(List<RunCountDao.Aggregate> aggregates) {
        record Cell(String severity, String classification) {}
        Map<Cell, int[]> counts = new HashMap<>();
        for (RunCountDao.Aggregate a : aggregates) {
            int[] c = counts.computeIfAbsent(new Cell(a.severity(), a.classification()), k -> new int[5]);
            c[0] += a.passed();
            c[1] += a.failed();
            c[2] += a.notApplicable();
            c[3] += a.notEvaluated();
            c[4] += a.suppressed();
        }
        RunCountDao.Aggregate any = aggregates.get(0);
        List<RunCountDao.Aggregate> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new RunCountDao.Aggregate(any.runId(), any.accountId(), any.ouPath(), null, k.severity(),
                k.classification(), c[0], c[1], c[2], c[3], c[4])));
        return rows;
    }
}
