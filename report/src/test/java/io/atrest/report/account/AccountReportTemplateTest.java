package io.atrest.report.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.report.ReportFormat;
import io.atrest.report.jasper.JasperRendering;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The account template prints each open finding with its evidence and fix, grouped by severity, then resource. */
class AccountReportTemplateTest {
    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    private static AccountReport report(List<AccountReport.Row> rows) {
        return new AccountReport("555555555555", "Λίμνη δεδομένων (dev)", "Workloads/Dev", 9, NOW.minusSeconds(3600), NOW,
                "71.0", "93%", "PARTIAL", 1, 1, 0, 0, rows);
    }

    private static AccountReport.Row row(String severity, int rank, String arn, String check, String evidence) {
        return new AccountReport.Row(severity, rank, arn, "AwsS3Bucket", "eu-west-1", "restricted", check, "Title of " + check,
                "what was seen", evidence, "2026-11-01", "S3 console > bucket > Properties", "aws s3api put-x --bucket b");
    }

    private static String pdfText(JasperPrint print) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JasperRendering.export(print, ReportFormat.PDF, out);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void findingsAppearBySeverityThenResourceWithEvidenceAndFix() throws Exception {
        String text = pdfText(AccountReportTemplate.fill(report(List.of(
                row("CRITICAL", 0, "arn:aws:s3:::zeta-public", "s3-not-public", "publicStatements: [PublicRead]"),
                row("HIGH", 1, "arn:aws:s3:::alpha", "s3-default-encryption", "type: NONE"),
                row("HIGH", 1, "arn:aws:s3:::alpha", "s3-key-tier", "tier: NONE\ndemanded: CUSTOMER_MANAGED")))));
        assertThat(text).contains("Λίμνη δεδομένων (dev)");
        assertThat(text.indexOf("CRITICAL\n")).isLessThan(text.indexOf("HIGH\n"));
        assertThat(text.indexOf("arn:aws:s3:::zeta-public")).isLessThan(text.indexOf("arn:aws:s3:::alpha"));
        assertThat(text).contains("Title of s3-key-tier").contains("demanded: CUSTOMER_MANAGED").contains("publicStatements: [PublicRead]")
                .contains("aws s3api put-x --bucket b").contains("2026-11-01");
        // The resource header is printed once for its two findings.
        assertThat(text.split("arn:aws:s3:::alpha\n", -1)).hasSize(2);
    }

    @Test
    void anAccountWithNothingOpenSaysSo() throws Exception {
        assertThat(pdfText(AccountReportTemplate.fill(report(List.of())))).contains("No check fails in this account");
    }

    @Test
    void htmlEscapesValuesThatCameFromAws() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JasperRendering.export(AccountReportTemplate.fill(report(List.of(
                row("HIGH", 1, "arn:aws:s3:::b", "s3-default-encryption", "tag: <img src=x onerror=alert(1)>")))), ReportFormat.HTML, out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
