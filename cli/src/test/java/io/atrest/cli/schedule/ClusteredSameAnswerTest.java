package io.atrest.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.cli.PostgresSchema;
import io.atrest.pipeline.ClusterPlan;
import io.atrest.pipeline.ClusterWork;
import io.atrest.pipeline.ScanPipeline;
import io.atrest.pipeline.Scanners;
import io.atrest.pipeline.Stop;
import io.atrest.scanner.org.ScanListener;
import io.atrest.scanner.sink.DiskSink;
import io.atrest.scanner.org.AccountAccess;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.sql.cluster.ClusterRuns;
import io.atrest.sql.cluster.CollectedPart;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A clustered run gives the answer of a single node: the same organization, with a store in one
 * account under a key of another that is pending deletion, scanned by one node and by two
 * cluster nodes on PostgreSQL, stores the same findings. The cluster walks the organization once.
 */
class ClusteredSameAnswerTest {
    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");
    private static final String MANAGEMENT = "111111111111";
    private final ClassificationPolicy policy = ClassificationPolicy.defaults();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private final CallLog log = new CallLog();
    private final FakeOrganization organization = new FakeOrganization(MANAGEMENT, log, 1)
            .ou("ou-prod", "Production", FakeOrganization.ROOT)
            .account(MANAGEMENT, "management", "ACTIVE", FakeOrganization.ROOT, Map.of())
            .account("222222222222", "payments", "ACTIVE", "ou-prod", Map.of("DataClassification", "restricted"))
            .account("333333333333", "analytics", "ACTIVE", "ou-prod", Map.of("DataClassification", "confidential"))
            .account("444444444444", "sandbox", "ACTIVE", FakeOrganization.ROOT, Map.of());
    private final Map<String, FakeAccount> world = new ConcurrentHashMap<>();
    private final AccountAccess access = id -> new FakeAccountClients(world.get(id), log, 1);
    private final ScanOptions options = new ScanOptions(Set.of(), Set.of(), List.of("eu-west-1"), 2);
    private String sharedKey;

    private void buildWorld() {
        FakeAccount management = new FakeAccount(MANAGEMENT);
        FakeAccount.Key shared = management.key("eu-west-1", "shared-1").alias("alias/shared");
        shared.state = "PendingDeletion";
        shared.deletionDate = NOW.plus(Duration.ofDays(7));
        sharedKey = shared.arn;
        FakeAccount payments = new FakeAccount("222222222222");
        payments.bucket("cards", "eu-west-1").kms(shared.arn).versioning("Enabled"); // under another account's key
        payments.key("eu-west-1", "own-1").rotation = true;
        FakeAccount analytics = new FakeAccount("333333333333");
        analytics.bucket("events", "eu-west-1").kms(shared.arn);
        FakeAccount sandbox = new FakeAccount("444444444444");
        sandbox.bucket("scratch", "eu-west-1").sseAlgorithm = null;
        world.putAll(Map.of(MANAGEMENT, management, "222222222222", payments, "333333333333", analytics, "444444444444", sandbox));
    }

    private OrganizationScanner scanner() {
        return new OrganizationScanner(organization, MANAGEMENT, access, "us-east-1", options);
    }

    /** Scanners of the fake organization: what the pipeline runs on instead of live AWS. */
    private final Scanners scanners = new Scanners() {
        @Override
        public <T> T with(Stop stop, Function<OrganizationScanner, T> job) {
            return job.apply(scanner());
        }
    };

    /** A cluster node's work over the fakes: the live node's code ({@link ClusterWork}) on another scanner. */
    private final class FakeClusterWork implements ClusterScheduler.Work {
        final AtomicInteger walks;
        final ClusterWork work = new ClusterWork(scanners, policy, clock, "test");

        FakeClusterWork(AtomicInteger walks) {
            this.walks = walks;
        }

        @Override
        public ClusterPlan plan() {
            walks.incrementAndGet();
            return work.plan();
        }

        @Override
        public CollectedPart collect(byte[] organizationPart, String accountId, Stop stop) {
            return work.collect(organizationPart, accountId, stop);
        }

        @Override
        public ClusterRuns.Evaluation evaluation(HistoryStore store) {
            return work.evaluation(store);
        }

        @Override
        public String report(HistoryStore store, Instant now) {
            return "none";
        }

        @Override
        public String policyHash() {
            return work.policyHash();
        }

        @Override
        public String toolVersion() {
            return work.toolVersion();
        }
    }

    /** A finding as both deployments must store it (the run ids and dates differ by design). */
    private static List<String> comparable(List<StoredFinding> findings) {
        return findings.stream().map(f -> String.join("|", f.checkId(), f.severity(), f.outcome(), String.valueOf(f.reason()),
                String.valueOf(f.failedOperation()), f.resourceArn(), f.accountId(), String.valueOf(f.region()),
                String.valueOf(f.classification()), f.message(), new java.util.TreeMap<>(f.evidence()).toString())).sorted().toList();
    }

    @Test
    void twoClusterNodesStoreTheFindingsOfOneNode() throws Exception {
        buildWorld();
        List<String> single;
        ScanRun singleRun;
        try (PostgresSchema schema = new PostgresSchema("atrest_same_"); HistoryStore store = HistoryStore.open(schema.url);
             DiskSink slices = DiskSink.inTemporaryFolder()) {
            long run = new ScanPipeline(scanners, policy, clock, "test").run(store, "SCAN", Stop.NEVER, ScanListener.NONE, slices).runId();
            single = comparable(store.queries().findings(run));
            singleRun = store.runLog().run(run).orElseThrow();
        }
        int walkCallsOfOneScan = (int) log.calls().stream().filter(c -> c.equals("Organizations:ListAccounts")).count();

        AtomicInteger walks = new AtomicInteger();
        List<String> clustered;
        try (PostgresSchema schema = new PostgresSchema("atrest_same_");
             HistoryStore storeA = HistoryStore.open(schema.url); HistoryStore storeB = HistoryStore.open(schema.url)) {
            int listAccountsBefore = (int) log.calls().stream().filter(c -> c.equals("Organizations:ListAccounts")).count();
            ClusterScheduler a = node(storeA, "node-a", new FakeClusterWork(walks));
            ClusterScheduler b = node(storeB, "node-b", new FakeClusterWork(walks));
            ScanRun run;
            try (a; b) {
                a.start();
                b.start();
                a.scanNow();
                run = awaitClosed(storeA, 90);
            }
            assertThat(run.status()).isEqualTo(singleRun.status());
            assertThat(run.accountsDone()).isEqualTo(singleRun.accountsDone());
            assertThat(run.collectionErrors()).isEqualTo(singleRun.collectionErrors());
            assertThat(run.score()).isEqualTo(singleRun.score());
            assertThat(run.coverage()).isEqualTo(singleRun.coverage());
            clustered = comparable(storeA.queries().findings(run.id()));
            int listAccounts = (int) log.calls().stream().filter(c -> c.equals("Organizations:ListAccounts")).count() - listAccountsBefore;
            assertThat(listAccounts).as("the cluster walks the organization once, not once per account job").isEqualTo(walkCallsOfOneScan);
            assertThat(walks).hasValue(1);
        }
        assertThat(clustered).hasSameSizeAs(single).containsExactlyElementsOf(single);
        // The cross-account facts are seen from both sides: the key's own finding knows the stores of other accounts.
        assertThat(single).anySatisfy(f -> assertThat(f).startsWith("kms-pending-deletion-in-use|").contains("|FAIL|").contains(sharedKey));
        assertThat(single).anySatisfy(f -> assertThat(f).contains("arn:aws:s3:::cards"));
    }

    private static ClusterScheduler node(HistoryStore store, String id, ClusterScheduler.Work work) {
        return ClusterSchedulerTest.node(store, id, work);
    }

    private static ScanRun awaitClosed(HistoryStore store, long timeoutSeconds) throws InterruptedException {
        return ClusterSchedulerTest.awaitClosed(store, timeoutSeconds);
    }
}
