package io.atrest.cli;

import io.atrest.pipeline.ScanPipeline;
import io.atrest.pipeline.Scanners;
import io.atrest.pipeline.Stop;
import io.atrest.scanner.org.ScanListener;
import io.atrest.scanner.sink.DiskSink;
import io.atrest.scanner.sink.InMemorySink;
import java.util.function.Function;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.scanner.org.AccountAccess;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.StoredFinding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake three-account organization, scanned, evaluated and stored in H2, then read back. */
class EndToEndScanTest {
    private static final String MANAGEMENT = "111111111111";
    private static final String PAYMENTS = "222222222222";
    private static final String SANDBOX = "333333333333";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void scansThreeAccountsIntoH2AndReadsTheFindingsBack() {
        CallLog log = new CallLog();
        FakeOrganization organization = new FakeOrganization(MANAGEMENT, log, 1)
                .ou("ou-prod", "Prod", FakeOrganization.ROOT)
                .account(MANAGEMENT, "management", "ACTIVE", FakeOrganization.ROOT, Map.of())
                .account(PAYMENTS, "payments", "ACTIVE", "ou-prod", Map.of("DataClassification", "restricted"))
                .account(SANDBOX, "sandbox", "ACTIVE", FakeOrganization.ROOT, Map.of());
        FakeAccount management = new FakeAccount(MANAGEMENT);
        management.bucket("mgmt-logs", "us-east-1").blockAll();
        FakeAccount payments = new FakeAccount(PAYMENTS);
        payments.accountBlock = new Boolean[] {true, true, true, true};
        FakeAccount.Key cmk = payments.key("eu-west-1", "cmk-1").alias("alias/cards");
        cmk.rotation = true;
        FakeAccount.Key dying = payments.key("eu-west-1", "old-1").alias("alias/old");
        dying.state = "PendingDeletion";
        dying.deletionDate = Instant.parse("2026-12-01T00:00:00Z");
        payments.bucket("cards", "eu-west-1").kms(cmk.arn).versioning("Enabled");
        payments.bucket("ledger-2019", "eu-west-1").kms("alias/old").versioning("Suspended");
        FakeAccount sandbox = new FakeAccount(SANDBOX);
        sandbox.bucket("scratch", "us-east-1").sseAlgorithm = null;
        Map<String, FakeAccount> world = Map.of(MANAGEMENT, management, PAYMENTS, payments, SANDBOX, sandbox);
        AccountAccess access = id -> new FakeAccountClients(world.get(id), log, 1);

        Scanners scanners = new Scanners() {
            @Override
            public <T> T with(Stop stop, Function<OrganizationScanner, T> work) {
                return work.apply(new OrganizationScanner(organization, MANAGEMENT, access, "us-east-1",
                        new ScanOptions(Set.of(), Set.of(), List.of("us-east-1", "eu-west-1"), 3)));
            }
        };
        ScanPipeline pipeline = new ScanPipeline(scanners, ClassificationPolicy.defaults(), clock, "test");

        try (HistoryStore store = HistoryStore.open("jdbc:h2:file:" + dir.resolve("atrest"))) {
            long runId;
            try (InMemorySink sink = new InMemorySink()) {
                runId = pipeline.run(store, "SCAN", Stop.NEVER, ScanListener.NONE, sink).runId();
            }

            assertThat(store.runLog().run(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(store.queries().accountsStored(runId)).isEqualTo(3);
            List<StoredFinding> findings = store.queries().findings(runId);
            assertThat(findings).extracting(StoredFinding::accountId).contains(MANAGEMENT, PAYMENTS, SANDBOX);
            assertThat(outcome(findings, "arn:aws:s3:::scratch", "s3-default-encryption")).isEqualTo("FAIL");
            assertThat(outcome(findings, "arn:aws:s3:::cards", "s3-key-tier")).isEqualTo("PASS");
            assertThat(outcome(findings, "arn:aws:s3:::ledger-2019", "s3-versioning")).isEqualTo("FAIL");
            assertThat(outcome(findings, dying.arn, "kms-pending-deletion-in-use")).isEqualTo("FAIL");
            assertThat(outcome(findings, cmk.arn, "kms-rotation")).isEqualTo("PASS");
            // Account-level Block Public Access covers payments' buckets; sandbox has none.
            assertThat(outcome(findings, "arn:aws:s3:::cards", "s3-block-public-access")).isEqualTo("PASS");
            assertThat(outcome(findings, "arn:aws:s3:::scratch", "s3-block-public-access")).isEqualTo("FAIL");

            long second;
            try (DiskSink sink = DiskSink.inTemporaryFolder()) {
                second = pipeline.run(store, "SCAN", Stop.NEVER, ScanListener.NONE, sink).runId();
            }
            assertThat(store.runLog().recentRuns(5)).hasSize(2);
            assertThat(store.queries().findings(second)).hasSameSizeAs(findings)
                    .allSatisfy(f -> assertThat(f.firstRunId()).isEqualTo(runId));
        }
    }

    private static String outcome(List<StoredFinding> findings, String arn, String check) {
        return findings.stream().filter(f -> f.resourceArn().equals(arn) && f.checkId().equals(check))
                .map(StoredFinding::outcome).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " finding for " + arn));
    }
}
