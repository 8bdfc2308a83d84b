package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.report.management.ManagementReport;
import io.atrest.report.management.ManagementReportQuery;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import io.atrest.sql.Weights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's simulated history, read back by the management report and the account report: every
 * section holds numbers that the stored history backs, and the account report lists exactly the
 * account's open findings.
 */
class ReportCommandTest {
    private static final int NIGHTS = 40;

    @TempDir
    static Path dir;

    static String db;



    @BeforeAll
    static void simulate() {
        db = "jdbc:h2:file:" + dir.resolve("demo");
        CliRun demo = run("demo", "--db", db, "--nights", Integer.toString(NIGHTS), "--reports", dir.resolve("demo-reports").toString());
        assertThat(demo.code()).as(demo.err()).isZero();
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theDemoWritesBothReportsOwnerOnly() throws Exception {
        Path pdf = dir.resolve("demo-reports").resolve("demo-management.pdf");
        Path html = dir.resolve("demo-reports").resolve("demo-management.html");
        assertThat(Files.getPosixFilePermissions(pdf)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(html)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(pdfText(pdf)).contains("o-acme0demo1").contains("Λίμνη δεδομένων (dev)").contains("Keys at risk");
        // The HTML report is its own page: charts as inline SVG with a text alternative, nothing fetched from elsewhere.
        assertThat(Files.readString(html)).contains("Λίμνη δεδομένων (dev)").contains("<svg").contains("<desc")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    void everySectionOfTheManagementReportHoldsStoredNumbers() {
        try (HistoryStore store = HistoryStore.open(db)) {
            ManagementReport report = new ManagementReportQuery(store, CheckCatalog.standard(), Weights.defaults())
                    .read(Instant.now(), Duration.ofDays(NIGHTS));
            ScanRun latest = store.runLog().recentStoredRuns(1).get(0);
            assertThat(report.runId()).isEqualTo(latest.id());
            assertThat(report.trend()).hasSize(NIGHTS);
            assertThat(report.headline().score()).isCloseTo(latest.score(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(report.headline().delta7()).isNotNull();
            assertThat(report.headline().delta30()).isNotNull();
            assertThat(report.headline().delta90()).as("40 nights are not 90 days").isNull();
            assertThat(report.accounts()).hasSize(5).allSatisfy(a -> assertThat(a.delta()).isNotNull());
            assertThat(report.ous()).isNotEmpty();
            // The simulated span fixes things and breaks things: both show up per week, and in time to remediate.
            assertThat(report.weeks().stream().mapToLong(ManagementReport.WeekRow::opened).sum()).isPositive();
            assertThat(report.weeks().stream().mapToLong(ManagementReport.WeekRow::resolved).sum())
                    .isEqualTo(report.remediation().stream().mapToLong(ManagementReport.RemediationRow::remediated).sum())
                    .isPositive();
            assertThat(report.topChecks()).isNotEmpty().allSatisfy(c -> assertThat(c.failing()).isPositive());
            // Restricted data moved to customer-managed keys during the span.
            List<ManagementReport.LevelRow> restricted = report.levelTrend().stream().filter(l -> l.level().equals("restricted")).toList();
            assertThat(restricted.get(restricted.size() - 1).sharePercent()).isGreaterThan(restricted.get(0).sharePercent());
            // The 2019 ledger key is pending deletion while the ledger bucket is still encrypted under it.
            assertThat(report.keysAtRisk()).singleElement().satisfies(k -> {
                assertThat(k.keyArn()).endsWith("key/5e1f0c2a-1111-4a5b-9c0d-222222220003");
                assertThat(k.stores()).contains("arn:aws:s3:::acme-payments-ledger-2019");
                assertThat(Long.parseLong(k.daysLeft())).isBetween(0L, 14L);
            });
            // #23: who can read the restricted payments data, from the access lists the run kept with each key
            assertThat(report.readers()).singleElement().satisfies(a -> {
                assertThat(a.accountId()).isEqualTo("222222222222");
                assertThat(a.principals()).as("payments-app, -reporting, -key-admin, data-engineer, the admin role, legacy-batch").isEqualTo(6);
                assertThat(a.users()).isEqualTo(1);
                assertThat(a.widestKey()).isEqualTo("alias/payments-data (6)");
            });
            assertThat(report.widestKeys()).extracting(ManagementReport.WideKeyRow::key).first().isEqualTo("alias/payments-data");
            assertThat(report.widestKeys()).allSatisfy(k -> assertThat(k.level()).isEqualTo("restricted"));
            assertThat(report.coverage()).hasSize(5);
            assertThat(report.gaps()).anySatisfy(g -> assertThat(g.operation()).isEqualTo("kms:GetKeyRotationStatus"));
        }
    }

    @Test
    void theAccountReportListsExactlyTheAccountsOpenFindings() throws Exception {
        Path out = dir.resolve("account.html");
        CliRun report = run("report", "--db", db, "--type", "account", "--account", "222222222222", "--out", out.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out().strip()).isEqualTo(out.toString());
        String html = Files.readString(out);
        List<StoredFinding> open;
        List<StoredFinding> others;
        try (HistoryStore store = HistoryStore.open(db)) {
            long run = store.runLog().recentStoredRuns(1).get(0).id();
            open = store.queries().failingFindings(run, "222222222222");
            others = store.queries().failingFindings(run).stream().filter(f -> !f.accountId().equals("222222222222")).toList();
        }
        assertThat(open).isNotEmpty();
        for (StoredFinding f : open) {
            assertThat(html).contains(f.resourceArn()).contains(f.checkId());
        }
        // Each finding is one block with its check id; no other account's resources appear.
        assertThat(html.split("s3-", -1).length - 1).isGreaterThanOrEqualTo((int) open.stream().filter(f -> f.checkId().startsWith("s3-")).count());
        for (StoredFinding f : others) {
            assertThat(html).doesNotContain(f.resourceArn() + "<");
        }
        // What atrest knows is filled into the fixes' commands: no bucket, region or account is left to look up.
        assertThat(open).anySatisfy(f -> assertThat(f.resourceType()).isEqualTo("AwsS3Bucket"));
        List<String> commands = java.util.regex.Pattern.compile("<pre><code>(.*?)</code></pre>", java.util.regex.Pattern.DOTALL)
                .matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(commands).isNotEmpty().noneMatch(c -> c.contains("&lt;bucket&gt;") || c.contains("&lt;region&gt;") || c.contains("&lt;account&gt;"));
        assertThat(commands).anyMatch(c -> c.contains("--bucket acme-payments-ledger-2019"));
    }

    @Test
    void theManagementReportCommandWritesAPdfWhereAsked() throws Exception {
        Path out = dir.resolve("nested").resolve("management.pdf");
        CliRun report = run("report", "--db", db, "--since", "30d", "--out", out.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(pdfText(out)).contains("last 30 days").contains("Coverage appendix");
        assertThat(Files.getPosixFilePermissions(out.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.list(out.getParent())).singleElement().isEqualTo(out);   // no partial file left beside it
    }

    @Test
    void badReportRequestsAreOneLineAndExitTwo() {
        CliRun noAccount = run("report", "--db", db, "--type", "account", "--out", dir.resolve("x.pdf").toString());
        assertThat(noAccount.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noAccount.err().strip()).isEqualTo("atrest: --type account needs --account ID (12 digits)");

        CliRun unknown = run("report", "--db", db, "--type", "account", "--account", "999999999999", "--out", dir.resolve("x.pdf").toString());
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err().strip()).startsWith("atrest: account 999999999999 is not in the latest stored run").doesNotContain("\n");

        assertThat(run("db", "migrate", "--db", "jdbc:h2:file:" + dir.resolve("empty")).code()).isZero();
        CliRun empty = run("report", "--db", "jdbc:h2:file:" + dir.resolve("empty"), "--out", dir.resolve("y.pdf").toString());
        assertThat(empty.code()).isEqualTo(ExitCode.USAGE);
        assertThat(empty.err()).contains("no complete scan is stored");

        CliRun badAge = run("report", "--db", db, "--since", "forever");
        assertThat(badAge.code()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
        assertThat(Files.exists(dir.resolve("y.pdf"))).isFalse();
    }
}
