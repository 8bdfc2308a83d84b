package io.atrest.report.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.report.html.HtmlReport;
import io.atrest.report.jasper.JasperRendering;
import io.atrest.report.management.ManagementReport.AccountRow;
import io.atrest.report.management.ManagementReport.CheckRow;
import io.atrest.report.management.ManagementReport.CoverageRow;
import io.atrest.report.management.ManagementReport.GapRow;
import io.atrest.report.management.ManagementReport.Headline;
import io.atrest.report.management.ManagementReport.KeyRow;
import io.atrest.report.management.ManagementReport.LevelNow;
import io.atrest.report.management.ManagementReport.LevelRow;
import io.atrest.report.management.ManagementReport.OuRow;
import io.atrest.report.management.ManagementReport.ReaderRow;
import io.atrest.report.management.ManagementReport.RemediationRow;
import io.atrest.report.management.ManagementReport.TrendRow;
import io.atrest.report.management.ManagementReport.WeekRow;
import io.atrest.report.management.ManagementReport.WideKeyRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The management template lays out every section of a report, in any script, and escapes what came from AWS. */
class ManagementReportTemplateTest {
    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final String GREEK = ManagementReportFixture.GREEK;
    private static final String CYRILLIC = ManagementReportFixture.CYRILLIC;
    private static final String HOSTILE = ManagementReportFixture.HOSTILE;

    private static byte[] pdf;
    private static String html;

    @BeforeAll
    static void render() {
        pdf = pdf(report());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(report(), out);
        html = out.toString(StandardCharsets.UTF_8);
    }

    static byte[] pdf(ManagementReport report) {
        JasperPrint print = ManagementReportTemplate.fill(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JasperRendering.pdf(print, out);
        return out.toByteArray();
    }

    static ManagementReport report() {
        return ManagementReportFixture.report();
    }

    static AccountRow account(String id, String name, double score, long critical, long high) {
        return ManagementReportFixture.account(id, name, score, critical, high);
    }

    static ManagementReport report(List<TrendRow> trend, List<AccountRow> accounts) {
        return ManagementReportFixture.report(trend, accounts);
    }

    private static String pdfText() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void namesInGreekAndCyrillicSurviveIntoThePdfText() throws Exception {
        String text = pdfText();
        assertThat(text).contains(GREEK).contains(CYRILLIC);
    }

    @Test
    void everyFontOfThePdfIsEmbeddedDejaVu() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.getName()).contains("DejaVu");
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    /** The text between a section's heading and the next one's: each section is checked on its own. */
    private static String section(String text, String heading, String next) {
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("heading " + heading).isNotNegative();
        int end = next == null ? text.length() : text.indexOf("\n" + next + "\n", start + 1);
        assertThat(end).as("heading " + next + " after " + heading).isGreaterThan(start);
        return text.substring(start, end);
    }

    @Test
    void everySectionIsFilledFromTheReport() throws Exception {
        String text = pdfText();
        assertThat(text.substring(0, text.indexOf("Score and coverage"))).contains("o-test1")
                .contains("89.5").contains("97%").contains("+2.5").contains("\u22121.3");   // score, coverage, deltas
        assertThat(section(text, "Score and coverage, last 30 days", "Accounts"))
                .contains("Score 60.0 on Oct 28, 89.0 now: +29.0 points over 29 days (30 scans)");
        assertThat(section(text, "Accounts", "Organizational units"))
                .contains("Worst first").contains(GREEK).contains("555555555555").contains("\u2026/Prod/Marketing")
                .contains("2 critical, 1 high open").contains("Why here");
        assertThat(section(text, "Organizational units", "New and resolved findings per week")).contains("Root/Workloads/Prod/Marketing");
        assertThat(section(text, "Mean time to remediate", "Top failing checks")).contains("3.5").contains("40.0");
        assertThat(section(text, "Top failing checks", "Protection by classification"))
                .contains("Risk order").contains("s3-versioning").contains("42%");
        assertThat(section(text, "Protection by classification", "Keys at risk"))
                .contains("restricted 50% to 75% (+25.0 pts)").contains("+25.0 pts");
        assertThat(section(text, "Keys at risk", "Who can read restricted data"))
                .contains("alias/ledger-old").contains("k-doomed").contains(GREEK).contains("PENDING_DELETION").contains("2026-12-04");
        assertThat(section(text, "Who can read restricted data", "Coverage appendix"))
                .contains("alias/ledger (6)").contains("The widest keys");
        assertThat(section(text, "Coverage appendix", null)).contains("kms:GetKeyRotationStatus").contains("ACCESS_DENIED").contains(GREEK);
    }

    @Test
    void oneScanIsAPointWithItsValueNotAnEmptyGrid() throws Exception {
        ManagementReport first = report(List.of(new TrendRow(NOW.minus(Duration.ofHours(4)), 71.3, 96.0)), report().accounts());
        assertThat(first.trendText()).startsWith("One scan so far").contains("71.3");
        try (PDDocument document = Loader.loadPDF(pdf(first))) {
            assertThat(new PDFTextStripper().getText(document)).contains("One scan so far");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(first, out);
        String page = out.toString(StandardCharsets.UTF_8);
        String chart = page.substring(page.indexOf("<svg", page.indexOf("id=\"trend\"")), page.indexOf("</svg>", page.indexOf("id=\"trend\"")));
        assertThat(chart.split("<circle", -1)).hasSize(3);            // score and coverage, one marker each
        assertThat(chart).contains(">71.3</text>").contains(">96.0</text>");   // each labelled with its value
        assertThat(chart.split(">Nov 27</text>", -1)).hasSize(2);     // one day, one tick
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPageItRunsOnto() throws Exception {
        List<AccountRow> many = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            many.add(account(String.format("%012d", 100000000000L + i), "account-" + i, 50.0 + i / 3.0, 0, 1));
        }
        try (PDDocument document = Loader.loadPDF(pdf(report(report().trend(), many)))) {
            PDFTextStripper stripper = new PDFTextStripper();
            int pagesWithAccounts = 0;
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                if (text.contains("account-")) {
                    pagesWithAccounts++;
                    assertThat(text).as("page " + page).contains("Why here");
                }
            }
            assertThat(pagesWithAccounts).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anEmptyTablePrintsItsSentenceWithoutAnOrphanHeader() throws Exception {
        ManagementReport none = report();
        none = new ManagementReport(none.organization(), none.generatedAt(), none.windowDays(), none.runId(), none.runStartedAt(),
                none.runStatus(), none.headline(), none.trendText(), none.trend(), none.accounts(), none.ous(), none.weeks(),
                none.remediation(), none.topChecks(), none.levelTrend(), none.levelTrendText(), none.levelsNow(), List.of(),
                none.readers(), none.widestKeys(), none.coverage(), List.of());
        try (PDDocument document = Loader.loadPDF(pdf(none))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("No key pending deletion or disabled protects a live store.")
                    .doesNotContain("Days left").doesNotContain("Call that failed");
        }
    }

    @Test
    void htmlIsOneFileWithChartsInlineAndValuesEscaped() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Data protection at rest: o-test1, last 30 days</title>").contains(GREEK);
        assertThat(html).contains("<svg").doesNotContain("data:image/");              // charts are inline SVG
        assertThat(html).doesNotContain(" src=").doesNotContain("href=\"http");       // nothing is fetched when it opens
        assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;");
        // Every chart carries its own text: a title and a description saying the change in words.
        int charts = html.split("<svg", -1).length - 1;
        assertThat(charts).isEqualTo(6);                                                 // three charts, wide and narrow
        assertThat(html.split("<desc id=", -1)).hasSize(charts + 1);
        assertThat(html).contains("+29.0 points over 29 days");
    }
}
