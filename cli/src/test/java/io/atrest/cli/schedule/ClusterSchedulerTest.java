package io.atrest.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.sql.cluster.ClusterRuns;
import io.atrest.sql.cluster.CollectedPart;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import io.atrest.sql.Weights;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.atrest.cli.PostgresSchema;
import io.atrest.pipeline.ClusterPlan;
import io.atrest.pipeline.ClusterWork;
import io.atrest.pipeline.Stop;

/**
 * Two scheduler nodes on one PostgreSQL database (Quartz's clustered JDBC store, tables from
 * atrest's migrations) share one run's account jobs: every account stored exactly once, also when
 * a node stops dead in the middle of an account.
 */
class ClusterSchedulerTest {
    private static final List<String> ACCOUNTS = IntStream.range(0, 12).mapToObj(i -> String.format("%012d", 100000000000L + i)).toList();

    private PostgresSchema schema;
    private String url;

    @BeforeEach
    void freshSchema() throws Exception {
        schema = new PostgresSchema("atrest_cluster_");
        url = schema.url;
    }

    @AfterEach
    void dropSchema() throws Exception {
        schema.close();
    }

    /** The organization of the test: twelve accounts, nothing else. */
    static Inventory organization() {
        return new Inventory(Inventory.SCHEMA_VERSION, Instant.parse("2026-12-04T02:00:00Z"), new Organization("o-cluster", ACCOUNTS.get(0)),
                ACCOUNTS.stream().map(id -> new Account(id, "acct-" + id, "a@example.com", "ACTIVE", List.of("Workloads"), Map.of())).toList(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Collects an empty account after {@code time}; records which node did it. */
    static final class RecordingWork implements ClusterScheduler.Work {
        final String node;
        final List<String> scanned;
        final Duration time;
        final Set<String> blockOn;
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        RecordingWork(String node, List<String> scanned, Duration time, Set<String> blockOn) {
            this.node = node;
            this.scanned = scanned;
            this.time = time;
            this.blockOn = blockOn;
        }

        @Override
        public ClusterPlan plan() {
            return new ClusterPlan("o-cluster", ACCOUNTS, ClusterWork.encode(organization()), List.of());
        }

        @Override
        public CollectedPart collect(byte[] organization, String accountId, Stop stop) {
            try {
                if (blockOn.contains(accountId)) {
                    blocked.countDown();
                    release.await(60, TimeUnit.SECONDS); // a node dead in the middle of an account
                    return new CollectedPart(accountId, "FAILED", List.of(), 0, "this node was gone", ClusterWork.encode(organization()));
                }
                Thread.sleep(time.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scanned.add(node + ":" + accountId);
            Inventory empty = ClusterWork.decode(organization);
            Inventory slice = new Inventory(empty.schemaVersion(), empty.collectedAt(), empty.organization(),
                    empty.accounts().stream().filter(a -> a.id().equals(accountId)).toList(), List.of(new AccountRegion(accountId, "eu-west-1")),
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
            return new CollectedPart(accountId, "COMPLETE", List.of("eu-west-1"), 0, null, ClusterWork.encode(slice));
        }

        @Override
        public ClusterRuns.Evaluation evaluation(HistoryStore store) {
            return new ClusterWork(null, ClassificationPolicy.defaults(), java.time.Clock.systemUTC(), "test").evaluation(store);
        }

        @Override
        public String report(HistoryStore store, Instant now) {
            return "none";
        }

        @Override
        public String policyHash() {
            return "test";
        }

        @Override
        public String toolVersion() {
            return "test";
        }
    }

    /** A node of the test cluster: checks in every second, closes runs every half second. */
    static ClusterScheduler node(HistoryStore store, String id, ClusterScheduler.Work work) {
        return new ClusterScheduler(new ScheduleConfig(List.of(ScheduleConfig.DEFAULT_CRON), ZoneOffset.UTC, null), work, store,
                Weights.defaults(), id, 2, Duration.ofMillis(1_000), Duration.ofMillis(500), Duration.ofHours(20));
    }

    static ScanRun awaitClosed(HistoryStore store, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            List<ScanRun> runs = store.runLog().recentRuns(1);
            if (!runs.isEmpty() && runs.get(0).status() != RunStatus.RUNNING) {
                return runs.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the clustered run did not close: " + store.runLog().recentRuns(1));
    }

    @Test
    void twoNodesShareOneRunAndStoreEveryAccountOnce() throws Exception {
        List<String> scanned = new CopyOnWriteArrayList<>();
        try (HistoryStore storeA = HistoryStore.open(url); HistoryStore storeB = HistoryStore.open(url)) {
            ClusterScheduler a = node(storeA, "node-a", new RecordingWork("node-a", scanned, Duration.ofMillis(300), Set.of()));
            ClusterScheduler b = node(storeB, "node-b", new RecordingWork("node-b", scanned, Duration.ofMillis(300), Set.of()));
            try (a; b) {
                a.start();
                b.start();
                a.scanNow();
                ScanRun run = awaitClosed(storeA, 60);
                assertThat(run.runTrigger()).isEqualTo("CLUSTER");
                assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
                assertThat(run.accountsPlanned()).isEqualTo(ACCOUNTS.size());
                assertThat(run.accountsDone()).isEqualTo(ACCOUNTS.size());
                assertThat(storeA.queries().accountsStored(run.id())).isEqualTo(ACCOUNTS.size());
                assertThat(storeA.clusterRuns().work(run.id())).allSatisfy(w -> assertThat(w.status()).isEqualTo("DONE"));
            }
        }
        assertThat(scanned).hasSize(ACCOUNTS.size());
        assertThat(scanned.stream().map(s -> s.substring(s.indexOf(':') + 1))).containsExactlyInAnyOrderElementsOf(ACCOUNTS);
        assertThat(scanned.stream().map(s -> s.substring(0, s.indexOf(':'))).distinct()).as("both nodes worked")
                .containsExactlyInAnyOrder("node-a", "node-b");
    }

    @Test
    void aNodeThatDiesMidAccountHasItsJobRecoveredByTheOther() throws Exception {
        List<String> scanned = new CopyOnWriteArrayList<>();
        String victim = ACCOUNTS.get(0);
        try (HistoryStore storeA = HistoryStore.open(url); HistoryStore storeB = HistoryStore.open(url)) {
            RecordingWork dying = new RecordingWork("node-a", scanned, Duration.ofMillis(300), Set.copyOf(ACCOUNTS));
            ClusterScheduler a = node(storeA, "node-a", dying);
            a.start();
            a.scanNow();
            // Node A takes its first accounts and hangs in them; then it is gone without a word.
            assertThat(dying.blocked.await(30, TimeUnit.SECONDS)).isTrue();
            ClusterScheduler b = node(storeB, "node-b", new RecordingWork("node-b", scanned, Duration.ofMillis(100), Set.of()));
            a.abandonNode();
            try (b) {
                b.start();
                ScanRun run = awaitClosed(storeB, 90);
                assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
                assertThat(storeB.queries().accountsStored(run.id())).isEqualTo(ACCOUNTS.size());
                // Node A wakes up from its hung accounts: what B did stands.
                dying.release.countDown();
                Thread.sleep(1_500);
                var work = storeB.clusterRuns().work(run.id());
                assertThat(work).allSatisfy(w -> assertThat(w.status()).isEqualTo("DONE"));
                assertThat(work).filteredOn(w -> w.attempts() > 1).as("recovered jobs").isNotEmpty()
                        .allSatisfy(w -> assertThat(w.node()).isEqualTo("node-b"));
            } finally {
                dying.release.countDown();
            }
        }
        // Every account stored once, all by node B: A never finished one.
        assertThat(scanned).hasSize(ACCOUNTS.size()).allSatisfy(s -> assertThat(s).startsWith("node-b:"));
        Map<String, Long> perAccount = new ConcurrentHashMap<>();
        scanned.forEach(s -> perAccount.merge(s, 1L, Long::sum));
        assertThat(perAccount.values()).containsOnly(1L);
    }
}
