package io.atrest.report.account;

import io.atrest.report.Figures;
import io.atrest.report.jasper.JasperRendering;
import io.atrest.report.jasper.RecordDataSource;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;

/** Lays an {@link AccountReport} out with the {@code account} template: one detail block per open finding. */
public final class AccountReportTemplate {
    private AccountReportTemplate() {}

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
        return JasperRendering.fill("account", p, new RecordDataSource(report.findings()));
    }
}
