package io.atrest.report.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.report.account.AccountReport.Affected;
import io.atrest.report.account.AccountReport.CheckGroup;
import io.atrest.report.account.AccountReport.Gap;
import io.atrest.report.html.HtmlReport;
import io.atrest.report.jasper.JasperRendering;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The account report prints each failing check once, with its fix, then the resources it fails on. */
class AccountReportTemplateTest {
    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final String FIX = "S3 console > bucket > Properties > Default encryption";

    private static AccountReport report(List<CheckGroup> checks, List<CheckGroup> accepted, List<Gap> gaps) {
        return new AccountReport("555555555555", "Λίμνη δεδομένων (dev)", "\u2026/Workloads/Dev", "Root/Workloads/Dev", 9,
                NOW.minusSeconds(3600), NOW, "71.0", "93%", "PARTIAL", 1, 1, 0, 0, checks, accepted, gaps);
    }

    private static CheckGroup group(String severity, int rank, String check, int resources) {
        List<Affected> affected = new ArrayList<>();
        for (int i = 0; i < resources; i++) {
            String bucket = check + "-bucket-" + i;
            affected.add(new Affected(bucket, "arn:aws:s3:::" + bucket, "AwsS3Bucket", "eu-west-1", "restricted",
                    "default encryption is off", "type: NONE", "2026-11-01",
                    "aws s3api put-bucket-encryption --bucket " + bucket + " --kms-key-id <key-arn>"));
        }
        return new CheckGroup(severity, rank, check, "Title of " + check, "Why " + check + " matters.", FIX, "",
                List.of("<key-arn>: the ARN of the customer-managed key of the data's level to encrypt with"), affected);
    }

    private static PDDocument pdf(AccountReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JasperRendering.pdf(AccountReportTemplate.fill(report), out);
        return Loader.loadPDF(out.toByteArray());
    }

    private static String pdfText(AccountReport report) throws Exception {
        try (PDDocument document = pdf(report)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void eachCheckIsPrintedOnceWithItsFixThenItsResourcesWithTheirOwnCommands() throws Exception {
        String text = pdfText(report(List.of(group("CRITICAL", 0, "s3-not-public", 1), group("HIGH", 1, "s3-default-encryption", 3)),
                List.of(), List.of()));
        assertThat(text).contains("Λίμνη δεδομένων (dev)");
        assertThat(text.indexOf("Title of s3-not-public")).isLessThan(text.indexOf("Title of s3-default-encryption"));
        assertThat(text.split(FIX.substring(0, 20), -1)).as("the fix, once per check").hasSize(3);
        assertThat(text).contains("Title of s3-default-encryption (3)")
                .contains("aws s3api put-bucket-encryption --bucket s3-default-encryption-bucket-2")
                .contains("Left for you to fill in: <key-arn>");
        assertThat(text).contains("4 failing finding(s) of 2 check(s), most severe first");
        assertThat(text).contains("Every check was evaluated in this account");
    }

    @Test
    void onehundredFiftyFindingsFitInAFewPages() throws Exception {
        List<CheckGroup> checks = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            checks.add(group(c < 3 ? "HIGH" : "MEDIUM", c < 3 ? 1 : 2, "check-" + c, 15));
        }
        try (PDDocument document = pdf(report(checks, List.of(), List.of()))) {
            // The former layout (one block per finding, the fix repeated) took 30 pages for 150 findings.
            assertThat(document.getNumberOfPages()).isLessThanOrEqualTo(9);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 2; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                if (text.contains("-bucket-")) {
                    assertThat(text).as("page " + page + " repeats the table header").contains("Since");
                }
            }
        }
    }

    @Test
    void acceptedRisksAndWhatCouldNotBeEvaluatedHaveTheirOwnSections() throws Exception {
        String text = pdfText(report(List.of(group("HIGH", 1, "s3-default-encryption", 1)), List.of(group("MEDIUM", 2, "s3-versioning", 1)),
                List.of(new Gap("kms-rotation", "Customer keys rotate", "ACCESS_DENIED", "kms:GetKeyRotationStatus", 2))));
        int accepted = text.indexOf("Accepted risks");
        int gaps = text.indexOf("Could not be evaluated here");
        assertThat(accepted).isGreaterThan(text.indexOf("Title of s3-default-encryption"));
        assertThat(gaps).isGreaterThan(text.indexOf("Title of s3-versioning"));
        assertThat(text.substring(gaps)).contains("Customer keys rotate").contains("ACCESS_DENIED").contains("kms:GetKeyRotationStatus");
    }

    @Test
    void anAccountWithNothingOpenSaysSo() throws Exception {
        assertThat(pdfText(report(List.of(), List.of(), List.of()))).contains("No check fails in this account");
    }

    @Test
    void htmlEscapesValuesThatCameFromAws() {
        CheckGroup hostile = group("HIGH", 1, "s3-default-encryption", 1);
        Affected a = hostile.resources().get(0);
        hostile = new CheckGroup(hostile.severity(), hostile.severityRank(), hostile.checkId(), hostile.title(), hostile.rationale(),
                hostile.console(), hostile.cli(), hostile.unknowns(), List.of(new Affected("<img src=x onerror=alert(1)>", a.arn(),
                        a.resourceType(), a.region(), a.classification(), a.message(), "tag: <b>x</b>", a.failingSince(), a.command())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(report(List.of(hostile), List.of(), List.of()), out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<b>x</b>");
        assertThat(html).contains("&lt;key-arn&gt;: the ARN of the customer-managed key");
    }
}
