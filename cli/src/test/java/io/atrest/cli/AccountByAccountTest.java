package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Evaluator;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.OrganizationContext;
import io.atrest.scanner.check.ResourceAttributes;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.BucketEncryption;
import io.atrest.scanner.inventory.EncryptionType;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.org.AccountAccess;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.org.ScanResult;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.sink.DiskSink;
import io.atrest.scanner.sink.InMemorySink;
import io.atrest.pipeline.RunRecorder;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluating and storing an organization account by account, with the rest of the organization
 * as context, gives exactly what evaluating the whole inventory at once gives: cross-account
 * keys, organization trails and key usage included.
 */
class AccountByAccountTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private final ClassificationPolicy policy = ClassificationPolicy.defaults();
    private final Evaluator evaluator = new Evaluator(CheckCatalog.standard(), policy);

    @TempDir
    Path dir;

    @Test
    void evaluatingAccountByAccountGivesTheFindingsOfTheWholeInventory() throws Exception {
        Inventory whole = withCrossAccountKeyUse(DemoCommand.demoInventory());
        Evaluation all = new Evaluation(whole, policy, NOW);
        List<Finding> expected = evaluator.evaluate(all);

        List<Finding> actual = new ArrayList<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        Path folder;
        try (DiskSink slices = slicesOf(whole)) {
            folder = slices.folder();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            OrganizationContext context = OrganizationContext.of(slices.lookups(), slices.stores(), policy);
            for (Account account : slices.accounts()) {
                Evaluation one = new Evaluation(slices.slice(account.id()), context, NOW);
                actual.addAll(evaluator.evaluate(one));
                attributes.putAll(ResourceAttributes.of(one));
            }
        }
        assertThat(actual).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(attributes).isEqualTo(ResourceAttributes.of(all));
        assertThat(folder).doesNotExist();
    }

    @Test
    void aScanKeptOnDiskStoresWhatAScanKeptInMemoryStores() {
        CallLog log = new CallLog();
        FakeOrganization organization = new FakeOrganization("111111111111", log, 1)
                .account("111111111111", "management", "ACTIVE", FakeOrganization.ROOT, Map.of())
                .account("222222222222", "payments", "ACTIVE", FakeOrganization.ROOT, Map.of("DataClassification", "restricted"))
                .account("333333333333", "sandbox", "ACTIVE", FakeOrganization.ROOT, Map.of());
        FakeAccount management = new FakeAccount("111111111111");
        FakeAccount.Key shared = management.key("eu-west-1", "shared-1").alias("alias/shared");
        shared.state = "Disabled";
        FakeAccount payments = new FakeAccount("222222222222");
        payments.bucket("cards", "eu-west-1").kms(shared.arn).versioning("Enabled"); // a key of another account
        payments.key("eu-west-1", "own-1").rotation = true;
        FakeAccount sandbox = new FakeAccount("333333333333");
        sandbox.bucket("scratch", "eu-west-1").sseAlgorithm = null;
        Map<String, FakeAccount> world = Map.of("111111111111", management, "222222222222", payments, "333333333333", sandbox);
        AccountAccess access = id -> new FakeAccountClients(world.get(id), log, 1);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ScanOptions options = new ScanOptions(Set.of(), Set.of(), List.of("eu-west-1"), 3);

        List<StoredFinding> expected;
        ScanRun expectedRun;
        ScanResult inMemory;
        try (InMemorySink sink = new InMemorySink();
             HistoryStore store = HistoryStore.open("jdbc:h2:file:" + dir.resolve("memory"))) {
            inMemory = new OrganizationScanner(organization, "111111111111", access, "us-east-1", options).scan(clock, sink);
            RunRecorder recorder = new RunRecorder(store, CheckCatalog.standard(), policy, clock, "test");
            long run = recorder.begin("SCAN", NOW);
            recorder.complete(run, sink, inMemory.accounts(), null);
            expected = store.queries().findings(run);
            expectedRun = store.runLog().run(run).orElseThrow();
        }
        try (DiskSink slices = DiskSink.inTemporaryFolder();
             HistoryStore store = HistoryStore.open("jdbc:h2:file:" + dir.resolve("sliced"))) {
            ScanResult sliced = new OrganizationScanner(organization, "111111111111", access, "us-east-1", options).scan(clock, slices);
            assertThat(sliced.accounts()).isEqualTo(inMemory.accounts());
            RunRecorder recorder = new RunRecorder(store, CheckCatalog.standard(), policy, clock, "test");
            long run = recorder.begin("SCAN", NOW);
            recorder.complete(run, slices, sliced.accounts(), null);
            assertThat(store.queries().findings(run)).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
            ScanRun stored = store.runLog().run(run).orElseThrow();
            assertThat(stored.status()).isEqualTo(expectedRun.status());
            assertThat(stored.score()).isEqualTo(expectedRun.score());
            assertThat(stored.coverage()).isEqualTo(expectedRun.coverage());
            assertThat(stored.resources()).isEqualTo(expectedRun.resources());
            assertThat(stored.collectionErrors()).isEqualTo(expectedRun.collectionErrors());
            assertThat(stored.accountsDone()).isEqualTo(expectedRun.accountsDone());
        }
        assertThat(outcome(expected, "arn:aws:s3:::cards", "s3-key-tier")).isNotNull();
        assertThat(outcome(expected, shared.arn, "kms-disabled-in-use")).as("the other account's bucket uses the key").isEqualTo("FAIL");
    }

    /** A bucket of one account encrypted with a customer key of another: the cross-account edge of the key graph. */
    private static Inventory withCrossAccountKeyUse(Inventory inventory) {
        KmsKey foreign = inventory.keys().stream().filter(KmsKey::customerManaged).findFirst().orElseThrow();
        String other = inventory.accounts().stream().map(Account::id).filter(id -> !id.equals(foreign.accountId())).findFirst().orElseThrow();
        S3Bucket bucket = new S3Bucket(other, "cross-account-data", foreign.region(), NOW,
                Observed.of(new BucketEncryption(EncryptionType.SSE_KMS, foreign.arn(), true)), Observed.absent(), Observed.absent(),
                Observed.of(null), Observed.of(Map.of("DataClassification", "restricted")), Observed.of(false));
        List<S3Bucket> buckets = new ArrayList<>(inventory.buckets());
        buckets.add(bucket);
        return new Inventory(inventory.schemaVersion(), inventory.collectedAt(), inventory.organization(), inventory.accounts(),
                inventory.scope(), buckets, inventory.accountPublicAccessBlocks(), inventory.keys(), inventory.volumes(),
                inventory.snapshots(), inventory.ebsDefaults(), inventory.vpcs(), inventory.vpcEndpoints(), inventory.rdsInstances(),
                inventory.rdsClusters(), inventory.rdsSnapshots(), inventory.dynamoTables(), inventory.efsFileSystems(),
                inventory.trails(), inventory.metricFilters(), inventory.metricAlarms(), inventory.eventRules(),
                inventory.configRecorders(), inventory.configRules(), inventory.serviceControlPolicies(), inventory.errors());
    }

    private static DiskSink slicesOf(Inventory whole) {
        DiskSink slices = DiskSink.inTemporaryFolder();
        InventoryBuilder builder = InventoryBuilder.of(whole);
        for (Account account : whole.accounts()) {
            slices.add(account.id(), builder.drain(account.id(), whole.collectedAt(), whole.organization()));
        }
        slices.finish(builder.build(whole.collectedAt(), whole.organization()));
        return slices;
    }

    private static String outcome(List<StoredFinding> findings, String arn, String check) {
        return findings.stream().filter(f -> f.resourceArn().equals(arn) && f.checkId().equals(check))
                .map(StoredFinding::outcome).findFirst().orElse(null);
    }
}
