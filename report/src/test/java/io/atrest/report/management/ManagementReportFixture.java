package io.atrest.report.management;

import io.atrest.report.account.AccountReport;
import io.atrest.report.account.AccountReport.Affected;
import io.atrest.report.account.AccountReport.CheckGroup;
import io.atrest.report.account.AccountReport.Gap;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reports filled by hand, in any script and with hostile names, for the template and browser tests. */
public final class ManagementReportFixture {
    public static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    public static final String GREEK = "Λίμνη δεδομένων";
    public static final String CYRILLIC = "Хранилище данных";
    public static final String HOSTILE = "<script>alert('x')</script>";

    private ManagementReportFixture() {}

    public static ManagementReport report() {
        List<TrendRow> trend = new ArrayList<>();
        for (int night = 0; night < 30; night++) {
            trend.add(new TrendRow(NOW.minus(Duration.ofDays(30 - night)), 60.0 + night, 95.0));
        }
        return report(trend, List.of(
                account("555555555555", GREEK, 71.0, 2, 1),
                account("666666666666", CYRILLIC, 88.0, 1, 0),
                account("777777777777", HOSTILE, 99.0, 0, 6)));
    }

    public static AccountRow account(String id, String name, double score, long critical, long high) {
        return new AccountRow(id, name, "\u2026/Prod/Marketing", "Root/Workloads/Prod/Marketing", String.format(java.util.Locale.ROOT, "%.1f", score),
                score, -3.0, "\u22123.0", critical, high, "93%", "PARTIAL", critical + " critical, " + high + " high open");
    }

    public static ManagementReport report(List<TrendRow> trend, List<AccountRow> accounts) {
        return new ManagementReport("o-test1", NOW, 30, 42, NOW.minus(Duration.ofHours(4)), "PARTIAL",
                new Headline(89.5, 0.97, 2.5, -1.26, null, 3, 7, 3, 4, 1),
                TrendText.score(trend, Duration.ofDays(30)),
                trend,
                accounts,
                List.of(new OuRow("\u2026/Prod/Marketing", "Root/Workloads/Prod/Marketing", "71.0", "93%", 12)),
                List.of(new WeekRow("Nov 2", 4, 1), new WeekRow("Nov 9", 0, 6)),
                List.of(new RemediationRow("CRITICAL", 2, "3.5"), new RemediationRow("LOW", 9, "40.0")),
                List.of(new CheckRow("s3-versioning", "Buckets keep old versions", "MEDIUM", 5, 12, "42%")),
                List.of(new LevelRow(NOW.minus(Duration.ofDays(10)), "restricted", 50.0), new LevelRow(NOW, "restricted", 75.0)),
                "On the demanded key type: restricted 50% to 75% (+25.0 pts).",
                List.of(new LevelNow("restricted", 3, 4, "75%", "+25.0 pts")),
                List.of(new KeyRow("alias/ledger-old", "arn:aws:kms:eu-west-1:555555555555:key/k-doomed", "555555555555", GREEK, "eu-west-1",
                        "PENDING_DELETION",
                        "2026-12-04", "6", 2, "arn:aws:s3:::ledger\narn:aws:s3:::archive")),
                List.of(new ReaderRow("555555555555", GREEK, 2, 7, 1, 2, "alias/ledger (6)", 0)),
                List.of(new WideKeyRow("alias/ledger", "arn:aws:kms:eu-west-1:555555555555:key/k-ledger", "555555555555", GREEK, "eu-west-1",
                        "restricted", 6, 2, 1, "complete")),
                List.of(new CoverageRow("555555555555", GREEK, "PARTIAL", "eu-west-1,us-east-1", 2, "93%", "2 call(s) failed")),
                List.of(new GapRow("555555555555", GREEK, "kms-rotation", "ACCESS_DENIED", "kms:GetKeyRotationStatus", 1)));
    }

    /** An account report with checks of every severity, a command per resource, an accepted risk and a gap. */
    public static AccountReport accountReport() {
        List<CheckGroup> checks = new ArrayList<>();
        String[][] shape = {{"CRITICAL", "s3-not-public", "1"}, {"HIGH", "s3-default-encryption", "12"}, {"MEDIUM", "kms-policy-separation-of-duties", "3"},
                {"LOW", "s3-versioning", "2"}};
        for (String[] s : shape) {
            List<Affected> affected = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(s[2]); i++) {
                String bucket = "acme-" + s[1] + "-with-a-rather-long-bucket-name-" + i;
                affected.add(new Affected(bucket, "arn:aws:s3:::" + bucket, "AwsS3Bucket", "eu-west-1", "restricted", "what was seen on " + bucket,
                        "type: NONE\nkey: none", "2026-11-01", "aws s3api put-bucket-encryption --bucket " + bucket
                        + " --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"}}]}'"));
            }
            // Titles as long as the catalog's longest, so a phone has to wrap them.
            checks.add(new CheckGroup(s[0], checks.size(), s[1], "Title of " + s[1] + ": what the check asks of every such store, in full",
                    "Why " + s[1] + " matters.",
                    "S3 console > the bucket > Properties > Default encryption > Edit", "",
                    List.of("<key-arn>: the ARN of the customer-managed key of the data's level to encrypt with"), affected));
        }
        CheckGroup accepted = new CheckGroup("MEDIUM", 2, "s3-mfa-delete", "Title of s3-mfa-delete", "Why.", "Fix.",
                "aws s3api put-bucket-versioning --bucket acme-archive --versioning-configuration MFADelete=Enabled,Status=Enabled",
                List.of(), List.of(new Affected("acme-archive", "arn:aws:s3:::acme-archive", "AwsS3Bucket", "eu-west-1", "restricted",
                        "accepted until 2099-12-31", "", "2026-10-01", "")));
        return new AccountReport("555555555555", GREEK + " " + HOSTILE, "\u2026/Workloads/Dev", "Root/Workloads/Dev", 42,
                NOW.minus(Duration.ofHours(4)), NOW, "71.0", "93%", "PARTIAL", 1, 12, 3, 2, checks, List.of(accepted),
                List.of(new Gap("kms-rotation", "Customer keys rotate", "ACCESS_DENIED", "kms:GetKeyRotationStatus", 2)));
    }
}
