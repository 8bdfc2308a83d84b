package io.atrest.report.management;

import io.atrest.report.Figures;
import io.atrest.report.jasper.JasperRendering;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JasperPrint;

/** Lays a {@link ManagementReport} out with the {@code management} template. */
public final class ManagementReportTemplate {
    private ManagementReportTemplate() {}

    public static JasperPrint fill(ManagementReport report) {
        ManagementReport.Headline h = report.headline();
        Map<String, Object> p = new HashMap<>();
        p.put("ORGANIZATION", report.organization());
        p.put("GENERATED", Figures.minute(report.generatedAt()));
        p.put("WINDOW_DAYS", report.windowDays());
        p.put("RUN", "#" + report.runId() + ", " + Figures.minute(report.runStartedAt()) + ", " + report.runStatus());
        p.put("SCORE", Figures.score(h.score()));
        p.put("COVERAGE", Figures.percent(h.coverage()));
        p.put("DELTA7", Figures.delta(h.delta7()));
        p.put("DELTA30", Figures.delta(h.delta30()));
        p.put("DELTA90", Figures.delta(h.delta90()));
        p.put("DELTA7_VALUE", h.delta7());
        p.put("DELTA30_VALUE", h.delta30());
        p.put("DELTA90_VALUE", h.delta90());
        p.put("OPEN_CRITICAL", h.openCritical());
        p.put("OPEN_HIGH", h.openHigh());
        p.put("ACCOUNTS_SCANNED", h.accountsPlanned() > 0 ? h.accountsScanned() + " of " + h.accountsPlanned()
                : Integer.toString(h.accountsScanned()));
        p.put("KEYS_AT_RISK", h.keysAtRisk());
        p.put("TREND", report.trend());
        p.put("TREND_TEXT", report.trendText());
        p.put("LEVEL_TREND_TEXT", report.levelTrendText());
        p.put("ACCOUNTS", report.accounts());
        p.put("OUS", report.ous());
        p.put("WEEKS", report.weeks());
        p.put("REMEDIATION", report.remediation());
        p.put("CHECKS", report.topChecks());
        p.put("LEVEL_TREND", report.levelTrend());
        p.put("LEVELS_NOW", report.levelsNow());
        p.put("KEYS", report.keysAtRisk());
        p.put("READERS", report.readers());
        p.put("WIDEST_KEYS", report.widestKeys());
        p.put("COVERAGE_ROWS", report.coverage());
        p.put("GAPS", report.gaps());
        // One record drives the detail bands: each band is a section.
        return JasperRendering.fill("management", p, new JREmptyDataSource(1));
    }
}
