package io.atrest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrest.sql.errors.ErrorGroup;
import io.atrest.sql.OutcomeCount;
import io.atrest.sql.ScanRun;
import java.util.List;
import java.util.Locale;

/** Renders a {@link RunSummary} for a terminal (aligned table) or a machine (JSON). */
public final class SummaryRenderer {
    private static final ObjectMapper JSON = JsonStyle.MAPPER;

    private SummaryRenderer() {}

    public static String table(RunSummary summary) {
        ScanRun run = summary.run();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run %d  %s  (%s)%n", run.id(), run.status(), run.runTrigger().toLowerCase(Locale.ROOT)));
        out.append(String.format(Locale.ROOT, "Accounts   %d stored, %d failed of %d planned%n",
                summary.accountsStored(), run.accountsFailed(), run.accountsPlanned()));
        out.append(String.format(Locale.ROOT, "Resources  %d%n", run.resources()));
        out.append(String.format(Locale.ROOT, "Score      %s   coverage %s%n", score(run.score()), coverage(run.coverage())));
        if (run.collectionErrors() > 0) {
            out.append(String.format(Locale.ROOT, "Errors     %d API call(s) failed; their findings are NOT_EVALUATED%n", run.collectionErrors()));
        }
        out.append(String.format(Locale.ROOT, "%n%-10s %8s %8s %8s %14s %9s%n", "SEVERITY", "FAIL", "PASS", "N/A", "NOT EVALUATED",
                "ACCEPTED"));
        for (OutcomeCount c : summary.counts()) {
            out.append(String.format(Locale.ROOT, "%-10s %8d %8d %8d %14d %9d%n",
                    c.severity(), c.failed(), c.passed(), c.notApplicable(), c.notEvaluated(), c.suppressed()));
        }
        long accepted = summary.counts().stream().mapToLong(OutcomeCount::suppressed).sum();
        if (accepted > 0) {
            out.append(String.format(Locale.ROOT, "%d accepted risk(s): failures an exemption of the policy accepts until its date, "
                    + "out of the score (atrest findings --status accepted)%n", accepted));
        }
        if (run.message() != null) {
            out.append(String.format(Locale.ROOT, "%n%s%n", run.message()));
        }
        failedCalls(out, summary);
        return out.toString();
    }

    /** Groups of failed calls shown in the table; the rest are counted, and `atrest errors` lists them all. */
    static final int FAILED_CALL_GROUPS = 10;

    private static void failedCalls(StringBuilder out, RunSummary summary) {
        List<ErrorGroup> groups = summary.failedCalls();
        if (groups.isEmpty()) {
            return;
        }
        List<ErrorGroup> shown = groups.subList(0, Math.min(FAILED_CALL_GROUPS, groups.size()));
        Table table = new Table("CALLS", "ACCOUNT", "REGION", "SERVICE", "OPERATION", "ERROR");
        for (ErrorGroup g : shown) {
            table.row(g.calls(), dash(g.accountId()), dash(g.region()), g.service(), g.operation(), dash(g.errorCode()));
        }
        out.append(String.format(Locale.ROOT, "%nCould not read (failed calls by account, region, service, operation and error):%n"));
        out.append(table.render(Table.Format.table));
        if (groups.size() > shown.size()) {
            int more = groups.subList(shown.size(), groups.size()).stream().mapToInt(ErrorGroup::calls).sum();
            out.append(String.format(Locale.ROOT, "%d more group(s), %d call(s): atrest errors --run %d lists every one%n",
                    groups.size() - shown.size(), more, summary.run().id()));
        } else {
            out.append(String.format(Locale.ROOT, "atrest errors --run %d lists every call with its message%n", summary.run().id()));
        }
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    public static String json(RunSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.set("run", JsonStyle.run(summary.run()));
        root.put("accounts_stored", summary.accountsStored());
        ArrayNode counts = root.putArray("findings");
        for (OutcomeCount c : summary.counts()) {
            counts.add(JSON.valueToTree(c));
        }
        root.set("failed_calls", JSON.valueToTree(summary.failedCalls()));
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scores run 0..100. */
    private static String score(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f/100", value);
    }

    /** Coverage runs 0..1. */
    private static String coverage(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }
}
