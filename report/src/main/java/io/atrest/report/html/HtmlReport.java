package io.atrest.report.html;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.atrest.report.Figures;
import io.atrest.report.account.AccountReport;
import io.atrest.report.html.TrendChart.Point;
import io.atrest.report.html.TrendChart.Series;
import io.atrest.report.management.ManagementReport;
import io.atrest.report.management.ManagementReport.LevelRow;
import io.atrest.report.management.ManagementReport.TrendRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The reports as one self-contained HTML file made for a screen: its own template (FreeMarker, which
 * escapes every value as HTML), its stylesheet and script inline, charts as inline SVG with a title
 * and a description, sortable and filterable tables. Nothing is fetched when it opens, so it works
 * offline and as an e-mail attachment.
 */
public final class HtmlReport {
    private static final String FOLDER = "/io/atrest/report/html/";
    private static final Configuration TEMPLATES = configuration();
    /** Inlined into every report; read from the class path once. */
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    private HtmlReport() {}

    public static void write(ManagementReport report, OutputStream out) {
        Map<String, Object> model = common();
        model.put("r", report);
        model.put("runStarted", Figures.minute(report.runStartedAt()));
        model.put("generated", Figures.minute(report.generatedAt()));
        model.put("scoreChart", charts("score-chart", "Score and coverage per scan", report.trendText(), "", scoreSeries(report.trend())));
        model.put("weekChart", Map.of("wide", nullable(WeekChart.svg("weeks-wide", TrendChart.WIDE, report.weeks())),
                "narrow", nullable(WeekChart.svg("weeks-narrow", TrendChart.NARROW, report.weeks()))));
        model.put("levelChart", charts("level-chart", "Share on the demanded key type, per classification level", report.levelTrendText(),
                "%", levelSeries(report.levelTrend())));
        render("management.ftlh", model, out);
    }

    public static void write(AccountReport report, OutputStream out) {
        Map<String, Object> model = common();
        model.put("r", report);
        model.put("runStarted", Figures.minute(report.runStartedAt()));
        model.put("generated", Figures.minute(report.generatedAt()));
        render("account.ftlh", model, out);
    }

    private static Map<String, Object> common() {
        Map<String, Object> model = new HashMap<>();
        model.put("css", CSS);
        model.put("js", JS);
        return model;
    }

    /** The chart drawn twice, for a wide and a narrow screen; the stylesheet shows one. Empty strings when nothing is drawn. */
    private static Map<String, String> charts(String id, String title, String description, String unit, List<Series> series) {
        return Map.of("wide", nullable(TrendChart.svg(id + "-wide", TrendChart.WIDE, title, description, unit, series)),
                "narrow", nullable(TrendChart.svg(id + "-narrow", TrendChart.NARROW, title, description, unit, series)));
    }

    private static String nullable(String svg) {
        return svg == null ? "" : svg;
    }

    private static List<Series> scoreSeries(List<TrendRow> trend) {
        List<Point> score = new ArrayList<>();
        List<Point> coverage = new ArrayList<>();
        for (TrendRow t : trend) {
            if (t.score() != null) {
                score.add(new Point(t.startedAt(), t.score()));
            }
            if (t.coveragePercent() != null) {
                coverage.add(new Point(t.startedAt(), t.coveragePercent()));
            }
        }
        return List.of(new Series("Score", score), new Series("Coverage %", coverage));
    }

    private static List<Series> levelSeries(List<LevelRow> rows) {
        Map<String, List<Point>> byLevel = new LinkedHashMap<>();
        for (LevelRow row : rows) {
            if (row.sharePercent() != null) {
                byLevel.computeIfAbsent(row.level(), k -> new ArrayList<>()).add(new Point(row.startedAt(), row.sharePercent()));
            }
        }
        return byLevel.entrySet().stream().map(e -> new Series(e.getKey(), e.getValue())).toList();
    }

    private static void render(String template, Map<String, Object> model, OutputStream out) {
        try {
            Template t = TEMPLATES.getTemplate(template);
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            t.process(model, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("cannot write the HTML report (" + template + "): " + e.getMessageWithoutStackTop(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration configuration() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassForTemplateLoading(HtmlReport.class, FOLDER);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.ROOT);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        // A template mistake is a build failure in tests, never a half-written report.
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        return configuration;
    }
}
