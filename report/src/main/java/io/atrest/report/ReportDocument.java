package io.atrest.report;

import io.atrest.report.account.AccountReport;
import io.atrest.report.account.AccountReportTemplate;
import io.atrest.report.html.HtmlReport;
import io.atrest.report.jasper.JasperRendering;
import io.atrest.report.management.ManagementReport;
import io.atrest.report.management.ManagementReportTemplate;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A report read from the history, ready to be written in any {@link ReportFormat}: the PDF is laid
 * out for print by JasperReports, the HTML by its own template for a screen. Each is made only when
 * asked for, and the PDF's layout once however many times it is written.
 */
public final class ReportDocument {
    private final Supplier<net.sf.jasperreports.engine.JasperPrint> print;
    private final Consumer<OutputStream> html;
    private net.sf.jasperreports.engine.JasperPrint filled;

    private ReportDocument(Supplier<net.sf.jasperreports.engine.JasperPrint> print, Consumer<OutputStream> html) {
        this.print = print;
        this.html = html;
    }

    public static ReportDocument of(ManagementReport report) {
        return new ReportDocument(() -> ManagementReportTemplate.fill(report), out -> HtmlReport.write(report, out));
    }

    public static ReportDocument of(AccountReport report) {
        return new ReportDocument(() -> AccountReportTemplate.fill(report), out -> HtmlReport.write(report, out));
    }

    public void write(ReportFormat format, OutputStream out) {
        switch (format) {
            case PDF -> {
                if (filled == null) {
                    filled = print.get();
                }
                JasperRendering.pdf(filled, out);
            }
            case HTML -> html.accept(out);
        }
    }
}
