package io.atrest.report.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.report.ReportFormat;
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
    private static final String GREEK = "Λίμνη δεδομένων";
    private static final String CYRILLIC = "Хранилище данных";
    private static final String HOSTILE = "<script>alert('x')</script>";

    private static byte[] pdf;
    private static String html;

    @BeforeAll
    static void render() {
        JasperPrint print = ManagementReportTemplate.fill(report());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JasperRendering.export(print, ReportFormat.PDF, out);
        pdf = out.toByteArray();
        out = new ByteArrayOutputStream();
        JasperRendering.export(print, ReportFormat.HTML, out);
        html = out.toString(StandardCharsets.UTF_8);
    }

    static ManagementReport report() {
        List<TrendRow> trend = new ArrayList<>();
        for (int night = 0; night < 30; night++) {
            trend.add(new TrendRow(NOW.minus(Duration.ofDays(30 - night)), 60.0 + night, 95.0));
        }
        return new ManagementReport("o-test1", NOW, 30, 42, NOW.minus(Duration.ofHours(4)), "PARTIAL",
                new Headline(89.5, 0.97, 2.5, -1.26, null, 3, 7, 3, 4, 1),
                trend,
                List.of(new AccountRow("555555555555", GREEK, "Workloads/Dev", "71.0", -3.0, "\u22123.0", 2, 1, "93%", "PARTIAL"),
                        new AccountRow("666666666666", CYRILLIC, "Workloads/Prod", "88.0", 1.0, "+1.0", 1, 0, "100%", "COMPLETE"),
                        new AccountRow("777777777777", HOSTILE, "(root)", "99.0", null, "\u2014", 0, 6, "100%", "COMPLETE")),
                List.of(new OuRow("Workloads/Dev", "71.0", "93%", 12)),
                List.of(new WeekRow("Nov 2", 4, 1), new WeekRow("Nov 9", 0, 6)),
                List.of(new RemediationRow("CRITICAL", 2, "3.5"), new RemediationRow("LOW", 9, "40.0")),
                List.of(new CheckRow("s3-versioning", "Buckets keep old versions", "MEDIUM", 5, 12, "42%")),
                List.of(new LevelRow(NOW.minus(Duration.ofDays(10)), "restricted", 50.0), new LevelRow(NOW, "restricted", 75.0)),
                List.of(new LevelNow("restricted", 3, 4, "75%", "+25.0 pts")),
                List.of(new KeyRow("arn:aws:kms:eu-west-1:555555555555:key/k-doomed", "555555555555", "eu-west-1", "PENDING_DELETION",
                        "2026-12-04", "6", 2, "arn:aws:s3:::ledger\narn:aws:s3:::archive")),
                List.of(new ReaderRow("555555555555", GREEK, 2, 7, 1, 2, "alias/ledger (6)", 0)),
                List.of(new WideKeyRow("alias/ledger", "arn:aws:kms:eu-west-1:555555555555:key/k-ledger", "555555555555", "eu-west-1",
                        "restricted", 6, 2, 1, "complete")),
                List.of(new CoverageRow("555555555555", GREEK, "PARTIAL", "eu-west-1,us-east-1", 2, "93%", "2 call(s) failed")),
                List.of(new GapRow("555555555555", "kms-rotation", "ACCESS_DENIED", "kms:GetKeyRotationStatus", 1)));
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

    @Test
    void everySectionIsFilledFromTheReport() throws Exception {
        String text = pdfText();
        assertThat(text)
                .contains("o-test1")
                .contains("89.5").contains("97%").contains("+2.5").contains("\u22121.3")   // score, coverage, deltas
                .contains("Accounts").contains("555555555555").contains("Workloads/Dev")
                .contains("New and resolved findings per week")
                .contains("Mean time to remediate").contains("3.5").contains("40.0")
                .contains("Top failing checks").contains("s3-versioning").contains("42%")
                .contains("Protection by classification").contains("+25.0 pts")
                .contains("Keys at risk").contains("k-doomed").contains("PENDING_DELETION").contains("2026-12-04")
                .contains("Who can read restricted data").contains("alias/ledger (6)").contains("The widest keys")
                .contains("Coverage appendix").contains("kms:GetKeyRotationStatus").contains("ACCESS_DENIED");
    }

    @Test
    void htmlIsOneFileWithChartsInlineAndValuesEscaped() {
        assertThat(html).contains("<html").contains(GREEK);
        assertThat(html).contains("data:image/");              // charts embedded, no side files
        assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;");
    }
}
