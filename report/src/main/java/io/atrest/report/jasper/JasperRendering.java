package io.atrest.report.jasper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/** Fills a precompiled template and exports it: the only place that talks to JasperReports' engine. */
public final class JasperRendering {
    private static final String TEMPLATES = "/io/atrest/report/templates/";

    private JasperRendering() {}

    /** Fills template {@code name} (a compiled {@code .jasper} on the class path) in UTC, English. */
    public static JasperPrint fill(String name, Map<String, Object> parameters, JRDataSource data) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(JRParameter.REPORT_LOCALE, Locale.ENGLISH);
        all.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        try (InputStream in = JasperRendering.class.getResourceAsStream(TEMPLATES + name + ".jasper")) {
            if (in == null) {
                throw new IllegalStateException("report template " + name + " is missing from the build (" + TEMPLATES + ")");
            }
            JasperReport report = (JasperReport) JRLoader.loadObject(in);
            return JasperFillManager.fillReport(report, all, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("cannot fill report " + name + ": " + e.getMessage(), e);
        }
    }

    /** Writes a filled report as PDF, fonts embedded. (The HTML reports are not Jasper's: see {@code HtmlReport}.) */
    public static void pdf(JasperPrint print, OutputStream out) {
        try {
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle(print.getName());
            configuration.setMetadataCreator("atrest");
            exporter.setConfiguration(configuration);
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("cannot write the PDF report: " + e.getMessage(), e);
        }
    }
}
