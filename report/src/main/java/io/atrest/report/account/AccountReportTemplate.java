package io.atrest.report.account;

import io.atrest.report.Figures;
import io.atrest.report.account.AccountReport.Affected;
import io.atrest.report.account.AccountReport.CheckGroup;
import io.atrest.report.jasper.JasperRendering;
import io.atrest.report.jasper.RecordDataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;

/** Lays an {@link AccountReport} out for print with the {@code account} template: one block per failing check. */
public final class AccountReportTemplate {
    /** Evidence beyond this many characters is cut in print; the HTML report and the exports carry all of it. */
    static final int EVIDENCE_SHOWN = 240;

    private AccountReportTemplate() {}

    /** One printed row: a resource under its check; the check's fields repeat so Jasper can group on them. */
    public record PrintRow(String section, String severity, String checkId, String title, String rationale, String console, String cli,
                           String unknowns, int resourceCount, String name, String arn, String region, String classification,
                           String failingSince, String seen, String command) {}

    public static JasperPrint fill(AccountReport report) {
        Map<String, Object> p = new HashMap<>();
        p.put("ACCOUNT_ID", report.accountId());
        p.put("ACCOUNT_NAME", report.name());
        p.put("OU_PATH", report.ouPath());
        p.put("RUN", "#" + report.runId() + ", " + Figures.minute(report.runStartedAt()) + ", " + report.status());
        p.put("GENERATED", Figures.minute(report.generatedAt()));
        p.put("SCORE", report.score());
        p.put("COVERAGE", report.coverage());
        p.put("STATUS", report.status());
        p.put("CRITICAL", report.critical());
        p.put("HIGH", report.high());
        p.put("MEDIUM", report.medium());
        p.put("LOW", report.low());
        p.put("SUMMARY", summary(report));
        p.put("GAPS", report.gaps());
        List<PrintRow> rows = new ArrayList<>();
        report.checks().forEach(g -> rows(g, "FAILING", rows));
        report.accepted().forEach(g -> rows(g, "ACCEPTED", rows));
        return JasperRendering.fill("account", p, new RecordDataSource(rows));
    }

    /** What the report holds and in which order, said once at the top. */
    static String summary(AccountReport report) {
        if (report.checks().isEmpty()) {
            return "No check fails in this account in the latest scan." + accepted(report);
        }
        return report.failing() + " failing finding(s) of " + report.checks().size() + " check(s), most severe first and, within a "
                + "severity, the check failing on most resources first. Each check's fix is given once; each resource's command has "
                + "the values atrest knows filled in." + accepted(report) + " What could not be evaluated is listed at the end.";
    }

    private static String accepted(AccountReport report) {
        long n = report.accepted().stream().mapToLong(g -> g.resources().size()).sum();
        return n == 0 ? "" : " " + n + " accepted risk(s) follow the failures.";
    }

    private static void rows(CheckGroup g, String section, List<PrintRow> rows) {
        String unknowns = String.join("; ", g.unknowns());
        for (Affected a : g.resources()) {
            rows.add(new PrintRow(section, g.severity(), g.checkId(), g.title(), g.rationale(), g.console(), g.cli(), unknowns,
                    g.resources().size(), a.name(), a.arn(), a.region(), a.classification(), a.failingSince(), seen(a), a.command()));
        }
    }

    /** What was seen: the finding's message says it; the evidence is printed only when there is no message (the HTML has all). */
    private static String seen(Affected a) {
        if (!a.message().isBlank() || a.evidence().isBlank()) {
            return a.message();
        }
        String evidence = a.evidence().replace("\n", "; ");
        return evidence.length() > EVIDENCE_SHOWN ? evidence.substring(0, EVIDENCE_SHOWN) + "\u2026" : evidence;
    }
}
